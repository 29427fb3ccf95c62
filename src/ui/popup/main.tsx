import { render } from 'preact';
import { browserApi } from '../api';
import { Popup } from './Popup';
import '../theme.css';

// Where the popup's own work starts: before it, the browser loads the page and its scripts
// (the benchmark reports the two apart).
performance.mark('earmark:start');

render(<Popup api={browserApi()} />, document.getElementById('app')!);
