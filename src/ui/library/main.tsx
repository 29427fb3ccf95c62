import { render } from 'preact';
import { t } from '../i18n';
import { browserLibraryApi } from './api';
import { Library } from './Library';
import '../theme.css';
import './library.css';

document.title = t('libraryTitle');
render(<Library api={browserLibraryApi()} />, document.getElementById('app')!);
