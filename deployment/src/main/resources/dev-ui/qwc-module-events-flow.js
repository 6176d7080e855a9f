import { LitElement, html, css } from 'lit';
import { modules, diagram } from 'build-time-data';

/**
 * The flow of events: sending module, event, receiving modules; and the same as a Mermaid diagram to paste anywhere.
 */
export class QwcModuleEventsFlow extends LitElement {

    static styles = css`
        table { border-collapse: collapse; margin: 10px; }
        td { padding: 4px 12px; border-bottom: 1px solid var(--lumo-contrast-10pct); vertical-align: top; }
        .module { font-weight: bold; }
        .event { font-family: monospace; }
        .arrow { color: var(--lumo-tertiary-text-color); }
        .none { color: var(--lumo-tertiary-text-color); }
        pre { margin: 10px; padding: 10px; background: var(--lumo-contrast-5pct); }
    `;

    render() {
        return html`
            <table>
                ${modules.map(module => module.events.map(event => html`
                    <tr>
                        <td class="module">${module.name}</td>
                        <td class="arrow">→</td>
                        <td class="event">${event.name}</td>
                        <td class="arrow">→</td>
                        <td>${this._receivingModules(event)}</td>
                    </tr>`))}
            </table>
            <h4>Mermaid</h4>
            <pre>${diagram}</pre>`;
    }

    _receivingModules(event) {
        const receiving = [...new Set(event.receivers.map(receiver => receiver.module))].sort();
        return receiving.length
            ? html`${receiving.map(module => html`<span class="module">${module}</span><br>`)}`
            : html`<span class="none">no receiver</span>`;
    }
}
customElements.define('qwc-module-events-flow', QwcModuleEventsFlow);
