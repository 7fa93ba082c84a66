/*
 * The crash-day page's own script: reads the embedded JSON, draws each chart with uPlot, and reports on <body>:
 * data-rendered is the number of charts that drew, data-error (only when something failed) says what failed, so
 * a headless browser can check the page without looking at it.
 */
(function () {
  'use strict';
  var body = document.body;
  var errors = [];
  var drawn = 0;
  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  var MARKER_COLORS = { halt: '#c62828', resume: '#2e7d32', venue: '#e65100', kill: '#6a1b9a', pull: '#1565c0' };
  var TIME_INCRS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600,
    900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];
  var Y_AXIS_SIZE = 72;
  /* The least room, in CSS pixels, between two time labels: the longest ("+5 d 23:59:59") is about 80 px wide. */
  var TIME_LABEL_SPACE = 90;
  var DAY = 86400;

  function fail(where, e) {
    errors.push(where + ': ' + (e && e.message ? e.message : String(e)));
    body.dataset.error = errors.join('; ');
  }

  body.dataset.rendered = '0';
  window.addEventListener('error', function (ev) { fail('script', ev.error || ev.message); });

  var data;
  try {
    data = JSON.parse(document.getElementById('report-data').textContent);
  } catch (e) {
    fail('data', e);
    return;
  }
  if (typeof uPlot !== 'function') {
    fail('uPlot', 'the inlined chart library did not load');
    return;
  }

  function pad2(n) { return (n < 10 ? '0' : '') + n; }

  function fmtElapsed(s, step) {
    if (s == null) { return ''; }
    var sign = s < 0 ? '-' : '';
    var a = Math.abs(s);
    var h = Math.floor(a / 3600);
    var m = Math.floor(a % 3600 / 60);
    var sec = a % 60;
    var secText = step != null && step < 1
      ? (sec < 10 ? '0' : '') + sec.toFixed(Math.min(3, Math.ceil(-Math.log10(step))))
      : pad2(Math.floor(sec));
    if (h >= 24) {
      return sign + '+' + Math.floor(h / 24) + ' d ' + (h % 24) + ':' + pad2(m) + ':' + secText;
    }
    return sign + (h > 0 ? h + ':' + pad2(m) : String(m)) + ':' + secText;
  }

  /* A time-axis label no longer than its step needs: below a minute the full h:mm:ss(.s); from a minute up, h:mm
   * on a day or less, and on a longer axis "+N d" at each whole day with the hour of the day between, so a six-day
   * run reads "+1 d  12:00  +2 d ..." rather than a row of 100:00:00 labels running into each other. */
  function fmtAxisElapsed(s, incr, span) {
    if (incr < 60) { return fmtElapsed(s, incr); }
    var sign = s < 0 ? '-' : '';
    var a = Math.round(Math.abs(s));
    var m = Math.floor(a % 3600 / 60);
    if (span <= DAY) { return sign + Math.floor(a / 3600) + ':' + pad2(m); }
    var r = a % DAY;
    if (r === 0 && a > 0) { return sign + '+' + (a / DAY) + ' d'; }
    return sign + Math.floor(r / 3600) + ':' + pad2(m);
  }

  function fmtNum(v) {
    if (v == null || !isFinite(v)) { return '—'; }
    var a = Math.abs(v);
    if (a >= 1e9) { return +(v / 1e9).toPrecision(4) + 'G'; }
    if (a >= 1e6) { return +(v / 1e6).toPrecision(4) + 'M'; }
    if (a >= 1e4) { return +(v / 1e3).toPrecision(4) + 'k'; }
    return String(+v.toPrecision(6));
  }

  function fmtNs(ns) {
    if (ns == null) { return ''; }
    if (ns < 1e3) { return +ns.toPrecision(3) + ' ns'; }
    if (ns < 1e6) { return +(ns / 1e3).toPrecision(3) + ' µs'; }
    if (ns < 1e9) { return +(ns / 1e6).toPrecision(3) + ' ms'; }
    return +(ns / 1e9).toPrecision(3) + ' s';
  }

  function plotWidth(el) { return Math.max(320, el.clientWidth || 1200); }

  /* Lines of one chart on one x array: a k-way merge of the series' times. A slot a series has no point at is
   * undefined (uPlot draws the line across it); a null from the data (a NaN) stays a gap. The run's first and last
   * times are added so every time chart spans the same range and double-click zooms them all back alike. */
  function align(series) {
    var n = series.length;
    var heads = [];
    var xs = [];
    var ys = [];
    var i;
    for (i = 0; i < n; i++) { heads.push(0); ys.push([]); }
    function slot(t, withValues) {
      xs.push(t);
      for (var k = 0; k < n; k++) {
        var s = series[k];
        if (withValues && heads[k] < s.t.length && s.t[heads[k]] === t) {
          ys[k].push(s.v[heads[k]]);
          heads[k]++;
        } else {
          ys[k].push(undefined);
        }
      }
    }
    var first = Infinity;
    for (i = 0; i < n; i++) { if (series[i].t.length > 0) { first = Math.min(first, series[i].t[0]); } }
    if (!(data.tMin >= first)) { slot(data.tMin, false); }
    for (;;) {
      var t = Infinity;
      for (i = 0; i < n; i++) {
        if (heads[i] < series[i].t.length && series[i].t[heads[i]] < t) { t = series[i].t[heads[i]]; }
      }
      if (t === Infinity) { break; }
      slot(t, true);
    }
    if (xs[xs.length - 1] < data.tMax) { slot(data.tMax, false); }
    return [xs].concat(ys);
  }

  /* Rows of marker labels above the price chart's plot area, so labels never cover the line. */
  var MAX_LABEL_ROWS = 8;
  var LABEL_ROW_PX = 14;
  var LABEL_GAP_PX = 6;
  var labelRows = 1;

  /* Greedy rows: each label goes in the first row whose last label ends before it starts; when every row is taken,
   * in the row that ends first. Returns the row. */
  function placeLabel(rowEnds, rows, left, right) {
    var best = 0;
    for (var r = 0; r < rows; r++) {
      if (rowEnds[r] == null || rowEnds[r] <= left) { best = r; break; }
      if (rowEnds[r] < rowEnds[best]) { best = r; }
    }
    rowEnds[best] = Math.max(rowEnds[best] || -Infinity, right);
    return best;
  }

  /* How many label rows the price chart needs, laid out on the width it is about to get, before uPlot reserves the
   * band above the plot. */
  function labelRowsNeeded(width) {
    var ctx = document.createElement('canvas').getContext('2d');
    ctx.font = '11px system-ui, sans-serif';
    var span = data.tMax - data.tMin || 1;
    var plotPx = width - Y_AXIS_SIZE - 16;
    var rowEnds = [];
    var rows = 1;
    data.markers.forEach(function (m) {
      var x = (m.t - data.tMin) / span * plotPx;
      var w = ctx.measureText(m.label).width;
      var left = x + 3 + w > plotPx ? x - 3 - w : x + 3;
      rows = Math.max(rows, placeLabel(rowEnds, MAX_LABEL_ROWS, left, left + w + LABEL_GAP_PX) + 1);
    });
    return rows;
  }

  /* Markers as dashed vertical lines; on the price chart each gets a label in the band above the plot, in the
   * first row where it does not overlap the label before, so a burst of venue events stays readable. */
  function markerHook(labelled) {
    return function (u) {
      try {
        var ctx = u.ctx;
        var b = u.bbox;
        var dpr = window.devicePixelRatio || 1;
        var rowEnds = [];
        var rowHeight = LABEL_ROW_PX * dpr;
        ctx.save();
        ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        data.markers.forEach(function (m) {
          var x = Math.round(u.valToPos(m.t, 'x', true));
          if (x < b.left || x > b.left + b.width) { return; }
          var color = MARKER_COLORS[m.kind] || '#555';
          var row = 0;
          var left = x;
          var w = 0;
          if (labelled) {
            w = ctx.measureText(m.label).width;
            left = x + 3 * dpr;
            if (left + w > b.left + b.width) { left = x - 3 * dpr - w; }
            row = placeLabel(rowEnds, labelRows, left, left + w + LABEL_GAP_PX * dpr);
          }
          var top = labelled ? b.top - (labelRows - row) * rowHeight : b.top;
          ctx.globalAlpha = labelled ? 0.85 : 0.3;
          ctx.strokeStyle = color;
          ctx.lineWidth = dpr;
          ctx.setLineDash([4 * dpr, 3 * dpr]);
          ctx.beginPath();
          ctx.moveTo(x + 0.5, top);
          ctx.lineTo(x + 0.5, b.top + b.height);
          ctx.stroke();
          if (labelled) {
            ctx.globalAlpha = 1;
            ctx.fillStyle = color;
            ctx.fillText(m.label, left, top + dpr);
          }
        });
        ctx.restore();
      } catch (e) {
        fail('markers', e);
      }
    };
  }

  /* Log axes: decades only, or 1-2-5 steps when the range spans fewer than three decades, so the grid stays light. */
  function logSplits(u, axisIdx, min, max) {
    var lo = Math.floor(Math.log10(min));
    var hi = Math.ceil(Math.log10(max));
    var steps = hi - lo < 3 ? [1, 2, 5] : [1];
    var out = [];
    for (var e = lo; e <= hi; e++) {
      for (var i = 0; i < steps.length; i++) {
        var v = +(steps[i] * Math.pow(10, e)).toPrecision(12);
        if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) { out.push(v); }
      }
    }
    return out;
  }

  /* A unit short enough to sit along the value axis; longer ones are left to the line above the chart. */
  function axisLabel(units) { return units.length <= 24 ? units : undefined; }

  var timeCharts = [];
  var syncing = false;

  function syncX(u, key) {
    if (key !== 'x' || syncing) { return; }
    syncing = true;
    try {
      var min = u.scales.x.min;
      var max = u.scales.x.max;
      timeCharts.forEach(function (other) {
        if (other !== u && (other.scales.x.min !== min || other.scales.x.max !== max)) {
          other.setScale('x', { min: min, max: max });
        }
      });
    } finally {
      syncing = false;
    }
  }

  function countDrawn() {
    drawn++;
    body.dataset.rendered = String(drawn);
  }

  function timeChart(chart, el) {
    var x = {};
    var series = [{ label: data.epochTime ? 'time (UTC)' : 'time' }];
    if (!data.epochTime) {
      /* uPlot's defaults copy over undefined options, so these are set only for elapsed time. */
      x.incrs = TIME_INCRS;
      x.space = TIME_LABEL_SPACE;
      x.values = function (u, splits, ax, space, incr) {
        var span = u.scales.x.max - u.scales.x.min;
        return splits.map(function (s) { return fmtAxisElapsed(s, incr, span); });
      };
      series[0].value = function (u, v) { return fmtElapsed(v, 0.001); };
    }
    chart.series.forEach(function (s, i) {
      series.push({
        label: s.name,
        stroke: PALETTE[i % PALETTE.length],
        width: 1.5,
        value: function (u, v) { return fmtNum(v); }
      });
    });
    var y = { size: Y_AXIS_SIZE, values: function (u, splits) { return splits.map(fmtNum); } };
    if (axisLabel(chart.units)) {
      y.label = chart.units;
      y.labelSize = 18;
    }
    if (chart.log) {
      y.splits = logSplits;
    }
    var labelled = chart.id === 'price' && data.markers.length > 0;
    if (labelled) {
      labelRows = labelRowsNeeded(plotWidth(el));
    }
    var opts = {
      width: plotWidth(el),
      height: chart.id === 'price' ? 320 : 200,
      padding: [labelled ? labelRows * LABEL_ROW_PX + 4 : 12, 16, null, null],
      cursor: { sync: { key: 'crash-day' }, drag: { x: true, y: false } },
      scales: {
        x: { time: !!data.epochTime },
        y: chart.log ? { distr: 3, log: 10 } : {}
      },
      axes: [x, y],
      series: series,
      hooks: {
        draw: [markerHook(chart.id === 'price')],
        setScale: [syncX],
        ready: [countDrawn]
      }
    };
    if (data.epochTime) {
      opts.tzDate = function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); };
    }
    var plot = new uPlot(opts, align(chart.series), el);
    timeCharts.push(plot);
    return plot;
  }

  /* Bars from each bucket's lower to its upper bound, so unequal buckets keep their true widths. */
  function bucketBars(lower) {
    return function (u, seriesIdx, idx0, idx1) {
      var path = new Path2D();
      var xs = u.data[0];
      var ys = u.data[seriesIdx];
      var base = u.valToPos(0, 'y', true);
      for (var i = idx0; i <= idx1; i++) {
        if (ys[i] == null || ys[i] <= 0) { continue; }
        var l = u.valToPos(lower[i], 'x', true);
        var r = u.valToPos(xs[i], 'x', true);
        var top = u.valToPos(ys[i], 'y', true);
        path.rect(l, top, Math.max(1, r - l - 1), base - top);
      }
      return { stroke: path, fill: path };
    };
  }

  function percentileHook(lat) {
    var lines = [['p50', lat.p50], ['p99', lat.p99], ['p99.9', lat.p999]];
    return function (u) {
      try {
        var ctx = u.ctx;
        var b = u.bbox;
        var dpr = window.devicePixelRatio || 1;
        ctx.save();
        ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
        ctx.textBaseline = 'top';
        lines.forEach(function (p, i) {
          if (p[1] == null) { return; }
          var x = Math.round(u.valToPos(p[1], 'x', true));
          if (x < b.left || x > b.left + b.width) { return; }
          ctx.strokeStyle = '#c62828';
          ctx.lineWidth = dpr;
          ctx.setLineDash([5 * dpr, 3 * dpr]);
          ctx.beginPath();
          ctx.moveTo(x + 0.5, b.top);
          ctx.lineTo(x + 0.5, b.top + b.height);
          ctx.stroke();
          ctx.fillStyle = '#c62828';
          var text = p[0] + ' ' + fmtNs(p[1]);
          var w = ctx.measureText(text).width;
          var left = x + 4 * dpr + w > b.left + b.width ? x - 4 * dpr - w : x + 4 * dpr;
          ctx.fillText(text, left, b.top + (4 + i * 14) * dpr);
        });
        ctx.restore();
      } catch (e) {
        fail('percentiles', e);
      }
    };
  }

  function latencyChart(lat, el) {
    var lower = [lat.firstLowerNs].concat(lat.upperNs.slice(0, -1));
    /* Whole decades at both ends, so the axis reads 1 µs, 10 µs, ... rather than odd bucket bounds. */
    var lo = Math.pow(10, Math.floor(Math.log10(lat.firstLowerNs)));
    var hi = Math.pow(10, Math.ceil(Math.log10(lat.upperNs[lat.upperNs.length - 1])));
    var opts = {
      width: plotWidth(el),
      height: 220,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, distr: 3, log: 10, range: function () { return [lo, hi]; } }
      },
      axes: [{
        splits: logSplits,
        values: function (u, splits) { return splits.map(fmtNs); }
      }, {
        label: axisLabel(lat.units),
        labelSize: 18,
        size: Y_AXIS_SIZE,
        values: function (u, splits) { return splits.map(fmtNum); }
      }],
      series: [
        { label: 'bucket up to', value: function (u, v) { return fmtNs(v); } },
        {
          label: 'events',
          stroke: '#1f77b4',
          fill: 'rgba(31,119,180,0.35)',
          paths: bucketBars(lower),
          points: { show: false },
          value: function (u, v) { return v == null ? '—' : String(v); }
        }
      ],
      hooks: { draw: [percentileHook(lat)], ready: [countDrawn] }
    };
    return new uPlot(opts, [lat.upperNs, lat.counts], el);
  }

  var plots = [];
  function draw(id, build) {
    var el = document.querySelector('.plot[data-chart="' + id + '"]');
    try {
      if (!el) { throw new Error('no element for chart ' + id); }
      plots.push({ el: el, plot: build(el) });
    } catch (e) {
      fail('chart ' + id, e);
      if (el) {
        var p = document.createElement('p');
        p.className = 'chart-error';
        p.textContent = 'This chart failed to draw: ' + (e && e.message ? e.message : String(e));
        el.appendChild(p);
      }
    }
  }

  data.charts.forEach(function (chart) {
    draw(chart.id, function (el) { return timeChart(chart, el); });
  });
  if (data.latency) {
    draw('latency', function (el) { return latencyChart(data.latency, el); });
  }

  window.addEventListener('resize', function () {
    plots.forEach(function (p) { p.plot.setSize({ width: plotWidth(p.el), height: p.plot.height }); });
  });
}());
