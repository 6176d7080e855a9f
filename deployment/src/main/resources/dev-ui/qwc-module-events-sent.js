import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/** com.acme.mail.WelcomeMail#onAccount -> WelcomeMail#onAccount; the full name stays in the tooltip */
function simpleName(name) {
    const member = name.indexOf('#');
    const end = member < 0 ? name.length : member;
    return name.substring(name.lastIndexOf('.', end) + 1);
}

/**
 * The last events sent in dev mode, with the receivers that ran and those that failed.
 */
export class QwcModuleEventsSent extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .bar { display: flex; gap: 10px; padding: 5px; }
        .sent { height: 100%; padding-bottom: 10px; }
        code { font-size: 85%; }
        .failed { color: var(--lumo-error-text-color); }
        .ran { color: var(--lumo-success-text-color); }
    `;

    static properties = {
        _events: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        this._timer = setInterval(() => this._refresh(), 2000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getSentEvents().then(response => this._events = response.result);
    }

    _clear() {
        this.jsonRpc.clearSentEvents().then(() => this._refresh());
    }

    render() {
        return html`
            <div class="bar">
                <vaadin-button theme="tertiary" @click="${() => this._refresh()}">Refresh</vaadin-button>
                <vaadin-button theme="tertiary" @click="${() => this._clear()}">Clear</vaadin-button>
            </div>
            <vaadin-grid .items="${this._events || []}" class="sent" theme="no-border wrap-cell-content">
                <vaadin-grid-column header="Time" path="time" auto-width flex-grow="0"></vaadin-grid-column>
                <vaadin-grid-column header="Event" path="name" auto-width flex-grow="0"></vaadin-grid-column>
                <vaadin-grid-column header="Payload" path="payload"></vaadin-grid-column>
                <vaadin-grid-column header="Receivers" ${columnBodyRenderer(this._receivers, [])}></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _receivers(event) {
        if (!event.receivers.length) {
            return html`none`;
        }
        return html`${event.receivers.map(receiver => receiver.error
            ? html`<span class="failed">✗ <code title="${receiver.method}">${simpleName(receiver.method)}</code>: ${receiver.error}</span><br>`
            : html`<span class="ran">✓ <code title="${receiver.method}">${simpleName(receiver.method)}</code></span><br>`)}`;
    }
}
customElements.define('qwc-module-events-sent', QwcModuleEventsSent);
