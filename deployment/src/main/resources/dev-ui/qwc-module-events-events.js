import { LitElement, html, css } from 'lit';
import { modules } from 'build-time-data';
import '@vaadin/grid';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/** com.acme.mail.WelcomeMail#onAccount -> WelcomeMail#onAccount; the full name stays in the tooltip */
function simpleName(name) {
    const member = name.indexOf('#');
    const end = member < 0 ? name.length : member;
    return name.substring(name.lastIndexOf('.', end) + 1);
}

const DURABLE = 'recorded in the outbox when the event is sent, called after the commit in a transaction of its own';

/** the emitter methods a sender calls for an event, such as "send, sendAsync" */
function sendMethods(event, sender) {
    return [...new Set(event.sends.filter(send => send.sender === sender).map(send => send.with))].sort().join(', ');
}

/**
 * The declared events of every module, with who sends and who receives them.
 */
export class QwcModuleEventsEvents extends LitElement {

    static styles = css`
        .events { height: 100%; padding-bottom: 10px; }
        code { font-size: 85%; }
        .none { color: var(--lumo-tertiary-text-color); }
        .never { color: var(--lumo-error-text-color); }
        .durable { color: var(--lumo-success-text-color); font-weight: bold; }
    `;

    _rows = modules.flatMap(module => module.events.map(event => ({ ...event, module: module.name })));

    render() {
        return html`
            <vaadin-grid .items="${this._rows}" class="events" theme="no-border wrap-cell-content">
                <vaadin-grid-sort-column header="Module" path="module" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Key" path="key" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Name" path="name" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-column header="Payload" ${columnBodyRenderer(this._payload, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Senders" flex-grow="2" ${columnBodyRenderer(this._senders, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Receivers" flex-grow="3" ${columnBodyRenderer(this._receivers, [])}></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _payload(event) {
        return event.payload ? html`<code title="${event.payload}">${simpleName(event.payload)}</code>` : html`<span class="none">any object</span>`;
    }

    _senders(event) {
        return event.senders.length
            ? html`${event.senders.map(sender => html`<code title="${sender}">${simpleName(sender)}</code>
                (${sendMethods(event, sender)})<br>`)}`
            : html`<span class="none">none found</span>`;
    }

    _receivers(event) {
        return event.receivers.length
            ? html`${event.receivers.map(receiver => html`<span class="${receiver.runs ? '' : 'never'}"><code
                title="${receiver.method}">${simpleName(receiver.method)}</code>
                (${receiver.module}, ${receiver.async ? 'async' : 'sync'}, priority ${receiver.priority}${receiver.pattern
                    ? html`, pattern <code>${receiver.pattern}</code>` : ''}${receiver.durable
                    ? html`, <span class="durable" title="${DURABLE}">durable</span>` : ''}${receiver.runs
                    ? '' : html`, <b>never runs</b>: not sent ${receiver.async ? 'with sendAsync' : 'with send or sendRobust'}`})</span><br>`)}`
            : html`<span class="none">none</span>`;
    }
}
customElements.define('qwc-module-events-events', QwcModuleEventsEvents);
