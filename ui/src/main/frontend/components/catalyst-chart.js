// <catalyst-chart>: draws an ECharts option object. ECharts loads lazily, so pages without charts stay light.
// Sets the `rendered` attribute once the current option is drawn (tests and screenshots wait for it).
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
      this._chart.setOption(this._option, true);
      this.setAttribute('rendered', '');
    }
  }
}

customElements.define('catalyst-chart', CatalystChart);
