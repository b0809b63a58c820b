// <catalyst-chart>: draws an ECharts option object. ECharts loads lazily, so pages without charts stay light.
// Sets the `rendered` attribute once the current option is drawn (tests and screenshots wait for it).
// Axis labels and tooltips that carry `catalystFormat` (Intl.NumberFormat options plus `locale` and an optional
// `suffix`, made by the Java side's Formats.chartFormat) get a formatter function here: JSON cannot carry functions.
function numberFormatter(spec) {
  const { locale, suffix, ...options } = spec;
  let format;
  try {
    format = new Intl.NumberFormat(locale || undefined, options);
  } catch (e) {
    format = new Intl.NumberFormat();
  }
  return (value) => {
    const n = typeof value === 'number' ? value : Number(value);
    if (value === null || value === undefined || value === '' || Number.isNaN(n)) {
      return '–';
    }
    return format.format(n) + (suffix || '');
  };
}

function asList(value) {
  if (!value) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function withFormatters(option) {
  for (const axis of [...asList(option.xAxis), ...asList(option.yAxis)]) {
    if (axis && axis.axisLabel && axis.axisLabel.catalystFormat) {
      axis.axisLabel.formatter = numberFormatter(axis.axisLabel.catalystFormat);
    }
  }
  if (option.tooltip && option.tooltip.catalystFormat) {
    option.tooltip.valueFormatter = numberFormatter(option.tooltip.catalystFormat);
  }
  for (const series of asList(option.series)) {
    if (series && series.tooltip && series.tooltip.catalystFormat) {
      series.tooltip.valueFormatter = numberFormatter(series.tooltip.catalystFormat);
    }
    if (series && series.label && series.label.catalystFormat) {
      const f = numberFormatter(series.label.catalystFormat);
      series.label.formatter = (p) => (series.label.showName ? p.name + ': ' : '') + f(p.value);
    }
  }
  if (option.visualMap && option.visualMap.catalystFormat) {
    option.visualMap.formatter = numberFormatter(option.visualMap.catalystFormat);
  }
  return option;
}

class CatalystChart extends HTMLElement {
  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    import('echarts').then((echarts) => {
      if (!this.isConnected || this._chart) {
        return;
      }
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
      this._draw();
    });
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
    }
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  set option(value) {
    this._option = typeof value === 'string' ? JSON.parse(value) : value;
    this._draw();
  }

  get option() {
    return this._option;
  }

  _draw() {
    if (this._chart && this._option) {
      // a copy: the formatters are functions, and the property keeps what the server sent
      this._chart.setOption(withFormatters(JSON.parse(JSON.stringify(this._option))), true);
      this.setAttribute('rendered', '');
    }
  }
}

if (!customElements.get('catalyst-chart')) {
  customElements.define('catalyst-chart', CatalystChart);
}
