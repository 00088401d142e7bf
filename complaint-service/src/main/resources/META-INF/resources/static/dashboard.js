// The dashboard's pictures (ECharts); each has its table beside it, so nothing depends on this file.
(function () {
  "use strict";

  function option(data) {
    var base = { tooltip: { trigger: data.type === "map" ? "item" : "axis" }, animation: false };
    if (data.type === "map") {
      base.visualMap = { min: 0, max: data.max, left: "left", bottom: 0, calculable: true, inRange: { color: ["#e8eef7", "#0b4a8b"] } };
      base.series = [{ type: "map", map: "jiangxi", name: data.name, data: data.data, nameMap: data.nameMap,
        label: { show: true, fontSize: 10 } }];
      return base;
    }
    base.grid = { left: 8, right: 16, top: 16, bottom: 8, containLabel: true };
    if (data.type === "bar") {
      base.xAxis = { type: "value", max: data.max };
      base.yAxis = { type: "category", data: data.labels, inverse: true, axisLabel: { width: 160, overflow: "truncate" } };
    } else {
      base.xAxis = { type: "category", data: data.labels };
      base.yAxis = { type: "value", minInterval: 1 };
    }
    base.series = [{ type: data.type, name: data.name, data: data.values, itemStyle: { color: "#0b4a8b" } }];
    return base;
  }

  function draw(element) {
    var data = JSON.parse(element.getAttribute("data-chart"));
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option(data));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof echarts === "undefined") {
      return;
    }
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var map = element.getAttribute("data-map");
      if (!map) {
        draw(element);
        return;
      }
      fetch(map, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (geo) {
          echarts.registerMap("jiangxi", geo);
          draw(element);
        });
    });
  });
})();
