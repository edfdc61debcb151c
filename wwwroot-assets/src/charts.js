// RetailRec's Plotly interop: one module shared by every <PlotlyChart>. Plotly itself is loaded globally
// (lib/plotly/plotly.min.js). Each chart element keeps its own ResizeObserver and .NET reference so that
// disposing a component releases everything it attached.

const state = new WeakMap();

export function render(el, traces, layout, config, dotnetRef) {
    if (!el || !window.Plotly) return false;
    const base = {
        margin: { l: 56, r: 16, t: layout && layout.title ? 40 : 16, b: 48 },
        paper_bgcolor: 'rgba(0,0,0,0)',
        plot_bgcolor: 'rgba(0,0,0,0)',
        font: { family: 'Inter, "Segoe UI", Roboto, sans-serif', size: 12, color: '#2b3445' },
        autosize: true,
    };
    const merged = Object.assign(base, layout || {});
    const cfg = Object.assign({ responsive: true, displaylogo: false, modeBarButtonsToRemove: ['lasso2d', 'select2d'] }, config || {});
    window.Plotly.react(el, traces || [], merged, cfg);

    let s = state.get(el);
    if (!s) {
        s = { dotnetRef, observer: null };
        state.set(el, s);
        el.on('plotly_click', ev => forward(el, 'OnPlotlyClick', ev));
        el.on('plotly_hover', ev => forward(el, 'OnPlotlyHover', ev));
        s.observer = new ResizeObserver(() => { if (el.isConnected) window.Plotly.Plots.resize(el); });
        s.observer.observe(el);
    }
    s.dotnetRef = dotnetRef;
    el.setAttribute('data-chart-ready', 'true');
    return true;
}

function forward(el, method, ev) {
    const s = state.get(el);
    if (!s || !s.dotnetRef || !ev || !ev.points || ev.points.length === 0) return;
    const p = ev.points[0];
    const point = {
        traceIndex: p.curveNumber,
        pointIndex: p.pointNumber ?? p.pointIndex ?? 0,
        x: p.x === undefined ? null : String(p.x),
        y: p.y === undefined ? null : String(p.y),
        label: p.label === undefined ? null : String(p.label),
        customData: p.customdata === undefined ? null : String(p.customdata),
    };
    s.dotnetRef.invokeMethodAsync(method, point).catch(() => { /* circuit gone: nothing to tell */ });
}

export function dispose(el) {
    if (!el) return;
    const s = state.get(el);
    if (s && s.observer) s.observer.disconnect();
    state.delete(el);
    if (window.Plotly) window.Plotly.purge(el);
}
