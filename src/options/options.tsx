/** Entry of the options page (extension page, ES module). */
import { render } from 'preact';
import { OptionsApp } from './app';
import { extensionServices } from './services';
import './options.css';

render(<OptionsApp services={extensionServices()} />, document.getElementById('app')!);
