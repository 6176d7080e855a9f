import { LitElement, html, css } from 'lit';
import 'echarts-force-graph';
import { modules, dependencies, diagram } from 'build-time-data';

/** The graph's categories, in the order of their colors; a node's category is an index into both */
const CATEGORIES = ['module', 'event', 'broker channel'];
const COLORS = ['#5470c6', '#91cc75', '#f7c657'];
const MODULE = 0;
const EVENT = 1;
const CHANNEL = 2;

/**
 * The nodes and links of the flow, the same as the Mermaid diagram's: declaring module → event → receiving modules,
 * event → the channels it goes out on, and the channels it comes in from → event; a receiver that never runs for an
 * event draws no link. Then each module → the modules it depends on, dashed, and red where it uses their types
 * directly. Links refer to nodes by index.
 */
function flowGraph() {
    const nodes = [];
    const links = [];
    const index = (category, name) => {
        const id = `${CATEGORIES[category]}:${name}`;
        let i = nodes.findIndex(node => node.id === id);
        if (i < 0) {
            i = nodes.push({ id, name, category, symbol: category === EVENT ? 'circle' : 'roundRect', symbolSize: 16 }) - 1;
        }
        return i;
    };
    const link = (source, target, lineStyle) => {
        if (!links.some(existing => existing.source === source && existing.target === target)) {
            links.push(lineStyle ? { source, target, lineStyle } : { source, target });
        }
    };
    for (const module of modules) {
        const declaring = index(MODULE, module.name);
        for (const event of module.events) {
            const node = index(EVENT, event.name);
            link(declaring, node);
            event.receivers.filter(receiver => receiver.runs).forEach(receiver => link(node, index(MODULE, receiver.module)));
            event.outgoing.forEach(channel => link(node, index(CHANNEL, channel)));
            event.incoming.forEach(channel => link(index(CHANNEL, channel), node));
        }
    }
    for (const dependency of dependencies) {
        link(index(MODULE, dependency.module), index(MODULE, dependency.on),
            dependency.direct.length ? { type: 'solid', color: '#ee6666', width: 2 } : { type: 'dashed' });
    }
    return { nodes, links };
}

/**
 * The flow of events drawn as a graph (sending module → event → receiving modules, and the broker channels); below
 * it the same as a table, and as a Mermaid diagram to paste anywhere.
 */
export class QwcModuleEventsFlow extends LitElement {

    static styles = css`
        :host { display: block; height: 100%; overflow: auto; }
        echarts-force-graph { height: 480px; }
        table { border-collapse: collapse; margin: 10px; }
        td { padding: 4px 12px; border-bottom: 1px solid var(--lumo-contrast-10pct); vertical-align: top; }
        .module { font-weight: bold; }
        .event { font-family: monospace; }
        .arrow { color: var(--lumo-tertiary-text-color); }
        .none { color: var(--lumo-tertiary-text-color); }
        .direct { color: var(--lumo-error-text-color); font-family: monospace; }
        h4 { margin: 10px; }
        pre { margin: 10px; padding: 10px; background: var(--lumo-contrast-5pct); }
    `;

    _graph = flowGraph();

    render() {
        return html`
            <echarts-force-graph
                edgeLength="140"
                repulsion="700"
                categories="${JSON.stringify(CATEGORIES)}"
                colors="${JSON.stringify(COLORS)}"
                nodes="${JSON.stringify(this._graph.nodes)}"
                links="${JSON.stringify(this._graph.links)}">
            </echarts-force-graph>
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
            <h4>Dependencies between modules</h4>
            ${dependencies.length ? html`
                <table class="dependencies">
                    ${dependencies.map(dependency => html`
                        <tr>
                            <td class="module">${dependency.module}</td>
                            <td class="arrow">depends on</td>
                            <td class="module">${dependency.on}</td>
                            <td>${dependency.events.map(event => html`<span class="event">${event}</span><br>`)}</td>
                            <td>${dependency.direct.length
                                ? html`directly: ${dependency.direct.map(type => html`<span class="direct">${type}</span><br>`)}`
                                : html`<span class="none">by events only</span>`}</td>
                        </tr>`)}
                </table>`
                : html`<p class="none">No module depends on another.</p>`}
            <h4>Mermaid</h4>
            <pre>${diagram}</pre>`;
    }

    _receivingModules(event) {
        const receiving = [...new Set(event.receivers.filter(receiver => receiver.runs).map(receiver => receiver.module))].sort();
        return receiving.length
            ? html`${receiving.map(module => html`<span class="module">${module}</span><br>`)}`
            : html`<span class="none">no receiver</span>`;
    }
}
customElements.define('qwc-module-events-flow', QwcModuleEventsFlow);
