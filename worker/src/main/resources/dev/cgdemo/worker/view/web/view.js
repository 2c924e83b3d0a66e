// The live view of one consumer group: frames come as server-sent events (see GroupViewHttp), each one is drawn
// whole. window.cgdemo holds figures for tests: frames drawn, render time per frame, latency from change to screen.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const stats = window.cgdemo = { frames: 0, renderMs: [], latencyMs: [], seq: 0, layout: null, frame: null };
  let frame = null;
  let receivedAt = 0;
  const LABEL = 44;
  const CHAOS = '#d9480f', INK = '#1d2330';

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function num(n) { return Number(n).toLocaleString('en-US'); }
  function clock(ms) { return new Date(ms).toTimeString().slice(0, 8); }
  function serverNow() { return frame ? frame.now + (Date.now() - receivedAt) : Date.now(); }

  function sizeCanvas(canvas, height) {
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 800;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.height = height + 'px';
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    return { ctx, width, dpr };
  }

  function drawLanes(f) {
    const canvas = $('lanes');
    const n = f.header.partitions;
    const laneH = Math.max(4, Math.min(24, Math.floor(560 / Math.max(1, n))));
    const top = f.acted.length ? 52 : 34;   // a row for actions' marks above the rebalances', when there are any
    const height = top + n * laneH + 18;
    const { ctx, width, dpr } = sizeCanvas(canvas, height);
    const left = LABEL, right = width - 6;
    const now = serverNow();
    const from = Math.min(f.from, now - 20000);
    const x = (t) => Math.max(left, Math.min(right, Math.round(left + (t - from) / (now - from) * (right - left))));
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (let p = 0; p < n; p++) {
      const y = top + p * laneH;
      ctx.fillStyle = '#f1f3f6';
      ctx.fillRect(left, y, right - left, laneH - 1);
      for (const [owner, start, end] of f.lanes[p] || []) {
        const x0 = x(start), x1 = end == null ? right : x(end);
        ctx.fillStyle = f.owners[owner].colour;
        ctx.fillRect(x0, y, Math.max(1, x1 - x0), laneH - 1);
      }
      if (laneH >= 9 || p % 10 === 0) {
        ctx.fillStyle = '#6b7385';
        ctx.fillText('p' + p, 4, y + laneH / 2);
      }
    }
    // chaos actions: a diamond in their own row and a solid line down the lanes, in their own colour
    const byChaos = actionsByRebalance(f);
    const acted = [];
    for (const a of f.acted) {
      const ax = x(a.at);
      ctx.strokeStyle = CHAOS;
      ctx.beginPath(); ctx.moveTo(ax + 0.5, 24); ctx.lineTo(ax + 0.5, top + n * laneH); ctx.stroke();
      ctx.fillStyle = CHAOS;
      ctx.beginPath(); ctx.moveTo(ax, 14); ctx.lineTo(ax + 5, 19); ctx.lineTo(ax, 24); ctx.lineTo(ax - 5, 19); ctx.fill();
      acted.push({ at: a.at, what: a.what, rebalance: a.rebalance, x: ax, y: 19 });
    }
    // rebalances: a line across the lanes where one started, a mark on each lane that moved; a chaos action's
    // rebalance in the chaos colour, one a user caused in ink
    const markers = [];
    for (const r of f.rebalances) {
      const rx = x(r.start);
      const chaos = byChaos.has(r.number);
      ctx.strokeStyle = chaos ? 'rgba(217,72,15,0.45)' : 'rgba(29,35,48,0.35)';
      ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(rx + 0.5, top - 4); ctx.lineTo(rx + 0.5, top + n * laneH); ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = chaos ? CHAOS : INK;
      for (const [p] of r.moves) {
        if (p >= n) continue;
        const y = top + p * laneH;
        const ex = x(r.end);
        ctx.beginPath(); ctx.moveTo(ex - 4, y); ctx.lineTo(ex + 4, y); ctx.lineTo(ex, y + Math.min(8, laneH - 1)); ctx.fill();
      }
      ctx.beginPath(); ctx.moveTo(rx - 5, top - 10); ctx.lineTo(rx + 5, top - 10); ctx.lineTo(rx, top - 3); ctx.fill();
      markers.push({ number: r.number, x: rx, y: top - 8, chaos });
    }
    // labels, newest first, each where it does not cover a newer one: actions above, rebalances below them
    labels(ctx, f.acted, (a) => x(a.at), (a) => a.what, 7, left, right, CHAOS);
    labels(ctx, f.rebalances, (r) => x(r.start),
      (r) => '#' + r.number + ' ' + r.cause + (r.maxPauseMs != null ? ' ' + r.maxPauseMs + ' ms' : ''), top - 20, left, right,
      (r) => byChaos.has(r.number) ? CHAOS : INK);
    // time axis
    ctx.fillStyle = '#6b7385';
    const span = now - from;
    const tick = [5e3, 1e4, 3e4, 6e4, 12e4, 3e5, 6e5].find((t) => span / t <= 8) || 6e5;
    for (let t = Math.ceil(from / tick) * tick; t <= now; t += tick) {
      ctx.fillText(clock(t), x(t) - 22, top + n * laneH + 9);
    }
    stats.layout = { top, laneHeight: laneH, left, right, dpr, partitions: n, markers, acted };
  }

  // the one rule for a chaos rebalance, on the timeline and in the list: an action of the frame caused it
  function actionsByRebalance(f) {
    return new Map(f.acted.filter((a) => a.rebalance != null).map((a) => [a.rebalance, a]));
  }

  function labels(ctx, items, xOf, textOf, y, left, right, colour) {
    let limit = Infinity;
    for (let i = items.length - 1; i >= 0; i--) {
      const label = textOf(items[i]);
      const w = ctx.measureText(label).width;
      const lx = Math.max(left, Math.min(xOf(items[i]) - 4, right - w));
      if (lx + w + 8 <= limit) {
        ctx.fillStyle = typeof colour === 'function' ? colour(items[i]) : colour;
        ctx.fillText(label, lx, y);
        limit = lx;
      }
    }
  }

  function drawLag(f) {
    const canvas = $('lagchart');
    const height = 160;
    const { ctx, width } = sizeCanvas(canvas, height);
    const left = LABEL, right = width - 6, top = 8, bottom = height - 16;
    const now = serverNow();
    const from = Math.min(f.from, now - 20000);
    const x = (t) => left + (t - from) / (now - from) * (right - left);
    let max = 1;
    for (const s of f.lag.series) for (const v of s) if (v != null && v > max) max = v;
    const y = (v) => bottom - v / max * (bottom - top);
    const owners = {};
    for (const m of f.members) for (const p of m.partitions) owners[p] = m.colour;
    ctx.lineWidth = 1.25;
    f.lag.series.forEach((s, p) => {
      ctx.strokeStyle = owners[p] || '#9aa1ae';
      ctx.beginPath();
      let pen = false;
      s.forEach((v, i) => {
        if (v == null) return;   // a step without a read: the line goes on to the next read
        const px = x(f.lag.from + i * f.lag.step), py = y(v);
        if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
        pen = true;
      });
      ctx.stroke();
    });
    ctx.fillStyle = '#6b7385';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(num(max), 2, top + 6);
    ctx.fillText('0', 2, bottom);
    ctx.strokeStyle = '#dde1e8';
    ctx.beginPath(); ctx.moveTo(left, bottom + 0.5); ctx.lineTo(right, bottom + 0.5); ctx.stroke();
    $('lag-max').textContent = 'largest ' + num(max) + ' records';
  }

  // Only a changed table or list touches the DOM: re-parsing 50 unchanged rows on every frame costs layout time.
  const shownHtml = {};
  function setHtml(element, html) {
    if (shownHtml[element.id || element.tagName] !== html) {
      shownHtml[element.id || element.tagName] = html;
      element.innerHTML = html;
    }
  }

  function actionButton(a, member) {
    return '<button data-action="' + esc(a.name) + '"' + (member ? ' data-member="' + esc(member) + '"' : '') +
      ' title="' + esc(a.title) + '"' + (/crash|delete|stop|down/.test(a.name) ? ' class="danger"' : '') + '>' +
      esc(a.label) + '</button>';
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  // Rows are kept and only their cells updated, so a button under the pointer stays the same element.
  function drawMembers(f, memberActions) {
    const body = $('members').tBodies[0];
    const old = new Map([...body.rows].map((r) => [r.dataset.member, r]));
    const actionsKey = memberActions.map((a) => a.name).join(',');
    f.members.forEach((m, i) => {
      let row = old.get(m.id);
      if (!row || row.dataset.actions !== actionsKey) {
        const fresh = document.createElement('tr');
        fresh.dataset.member = m.id;
        fresh.dataset.actions = actionsKey;
        fresh.innerHTML = '<td><span class="swatch"></span></td><td></td><td></td><td></td><td></td><td>' +
          memberActions.map((a) => actionButton(a, m.id)).join(' ') + '</td>';
        if (row) row.replaceWith(fresh);
        row = fresh;
      }
      old.delete(m.id);
      const cells = row.cells;
      if (row.dataset.colour !== m.colour) {
        row.dataset.colour = m.colour;
        cells[0].firstChild.style.background = m.colour;
      }
      setText(cells[1], m.id);
      if (cells[2].className !== m.state) cells[2].className = m.state;
      setText(cells[2], m.state);
      setText(cells[3], m.partitions.length ? m.partitions.join(', ') : '–');
      setText(cells[4], m.recordsPerSecond.toFixed(1));
      if (body.rows[i] !== row) body.insertBefore(row, body.rows[i] || null);
    });
    old.forEach((row) => row.remove());
  }

  function drawText(f) {
    const h = f.header;
    document.title = (h.group || 'group') + ' · ' + (h.state || '?');
    $('title').textContent = h.title;
    $('group').textContent = h.group || '-';
    $('topic').textContent = h.topic || '-';
    $('state').textContent = h.state || '-';
    $('protocol').textContent = h.protocol || '-';
    $('assignor').textContent = h.assignor || '-';
    $('generation').textContent = h.generation == null ? '-' : h.generation;
    $('unavailable').hidden = !h.unavailable;
    $('unavailable').textContent = h.unavailable ? 'group not readable: ' + h.unavailable : '';
    const c = f.counters;
    for (const k of ['produced', 'consumed', 'lost', 'duplicates', 'lag']) $(k).textContent = num(c[k]);
    $('lost-box').className = c.lost > 0 ? 'bad' : '';
    const groupActions = f.actions.filter((a) => !a.perMember);
    const memberActions = f.actions.filter((a) => a.perMember);
    const groupHtml = groupActions.map((a) => actionButton(a)).join('');
    setHtml($('group-actions'), groupHtml);
    drawMembers(f, memberActions);
    $('chaos-legend').hidden = f.acted.length === 0;
    $('rebalance-count').textContent = f.rebalances.length ? f.rebalances.length + ' shown' : 'none yet';
    const actionOf = actionsByRebalance(f);
    setHtml($('rebalances'), f.rebalances.slice(-50).reverse().map((r) => {
      const action = actionOf.get(r.number);
      const moved = r.moves.filter((m) => m[1] !== m[2]);
      const moves = moved.slice(0, 12).map(([p, from, to, pause]) =>
        'p' + p + ' ' + esc(from || '∅') + '→' + esc(to || '∅') + (pause != null ? ' <span class="pause">' + pause + ' ms</span>' : '')).join(', ');
      return '<li value="' + r.number + '" data-rebalance="' + r.number + '" data-partitions="' + moved.map((m) => m[0]).join(',') +
        '" data-pause="' + (r.maxPauseMs == null ? '' : r.maxPauseMs) + '"' + (action ? ' data-by="' + esc(action.by) + '"' : '') + '>' +
        clock(r.start) + (action ? ' <span class="by">' + esc(action.by) + ': ' + esc(action.what) + '</span> →' : '') + ' <span class="cause">' + esc(r.cause) +
        '</span>' + (r.eager ? ' (eager)' : '') + ': ' + (moves || 'nothing moved') + (moved.length > 12 ? ' … ' + (moved.length - 12) + ' more' : '') +
        (r.maxPauseMs != null ? ' · longest pause <span class="pause">' + r.maxPauseMs + ' ms</span>' : '') +
        (r.groupStopMs != null ? ' · group stop ' + r.groupStopMs + ' ms' : '') + '</li>';
    }).join(''));
  }

  function draw(f) {
    drawText(f);
    drawLanes(f);
    drawLag(f);
  }

  function onFrame(text) {
    const started = performance.now();
    const f = JSON.parse(text);
    frame = f;
    receivedAt = Date.now();
    draw(f);
    const took = performance.now() - started;
    stats.frames++;
    stats.seq = f.seq;
    stats.frame = f;
    stats.renderMs.push(took);
    if (stats.renderMs.length > 500) stats.renderMs.shift();
    requestAnimationFrame(() => {
      stats.latencyMs.push(Date.now() - f.changedAt);
      if (stats.latencyMs.length > 500) stats.latencyMs.shift();
      document.body.dataset.seq = f.seq;
    });
  }

  function connect() {
    const source = new EventSource('events');
    source.onopen = () => { $('conn').textContent = 'live'; $('conn').className = 'conn live'; };
    source.onmessage = (e) => onFrame(e.data);
    source.onerror = () => {
      $('conn').textContent = 'reconnecting…';
      $('conn').className = 'conn down';
      // EventSource retries by itself after a dropped connection, but gives up on an error answer (an operator
      // that restarted and has not watched this group yet answers 404): then start over.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    };
  }

  document.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const body = new URLSearchParams();
    if (button.dataset.member) body.set('member', button.dataset.member);
    button.disabled = true;
    fetch('actions/' + encodeURIComponent(button.dataset.action), { method: 'POST', body, headers: { 'X-Cgdemo-Action': '1' } })
      .then((r) => r.text().then((t) => { $('said').textContent = (r.ok ? '' : r.status + ': ') + t; }))
      .catch((err) => { $('said').textContent = 'failed: ' + err; })
      .finally(() => { button.disabled = false; });
  });

  if (/\/groups\//.test(location.pathname)) $('up').hidden = false;
  setInterval(() => { if (frame) { drawLanes(frame); drawLag(frame); } }, 1000);
  window.addEventListener('resize', () => { if (frame) draw(frame); });
  connect();
})();
