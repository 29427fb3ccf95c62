import { render } from 'preact';
import { browserApi } from '../api';
import { Popup } from './Popup';
import '../theme.css';

render(<Popup api={browserApi()} />, document.getElementById('app')!);
