package eu.netmap.web;

import eu.netmap.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser benchmark of issue 10 (run by bench/browser.sh against a running app holding a big
 * graph): first paint of {@code /} with a cold and a warm cache, the time from asking for the
 * 5,000- and 50,000-node graph to its drawing, and frames per second while panning and zooming the
 * 5,000-node view. Measures in the page (Performance API, requestAnimationFrame, mutation observers
 * on what the Explore view already shows: its status line, {@code data-paint-ms} set on every
 * canvas drawing, {@code data-state}), so the same measurement runs on older versions of the app.
 * Prints one {@code key=value} line per figure and writes them to a file.
 *
 * <p>Arguments: port, output file (key=value lines), screenshot directory, screenshot prefix.
 */
public final class BrowserBenchmark {

  private static final int RUNS = 3;

  private BrowserBenchmark() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    Path shots = Path.of(args[2]);
    String prefix = args.length > 3 ? args[3] : "current";
    Files.createDirectories(shots);
    Map<String, String> results = new LinkedHashMap<>();
    try (Browser browser = Browser.start(port, 1280, 800)) {
      browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(240));
      firstPaint(browser, results);
      for (int limit : new int[] {5000, 50000}) {
        draw(browser, limit, results);
        shot(browser, shots.resolve(prefix + "-explore-" + limit + ".png"));
        if (limit == 5000) {
          frames(browser, "pan", results);
          frames(browser, "zoom", results);
          frames(browser, "idle", results);
        }
      }
    }
    StringBuilder text = new StringBuilder();
    results.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(out, text);
    System.out.print(text);
  }

  /** Marks when the Explore page is in the DOM and painted, in every document from now on. */
  private static final String SHOWN_MARK =
      """
      (() => {
        const seen = () => document.querySelector('#main .explore input');
        const mark = () => {
          if (performance.getEntriesByName('bench:explore').length) return;
          // the frame after the page came into the DOM; the message runs once it is painted
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => performance.mark('bench:explore');
            ch.port2.postMessage(0);
          });
        };
        new MutationObserver((records, observer) => {
          if (seen()) { observer.disconnect(); mark(); }
        }).observe(document, { childList: true, subtree: true });
        window.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__lcp = Math.max(window.__lcp, e.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      })();
      """;

  private static final String PAINT_FIGURES =
      """
      const done = arguments[arguments.length - 1];
      const read = () => {
        const m = performance.getEntriesByName('bench:explore')[0];
        if (!m) { setTimeout(read, 20); return; }
        const nav = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const res = performance.getEntriesByType('resource');
        done({
          explore: m.startTime,
          fcp: fcp ? fcp.startTime : -1,
          lcp: window.__lcp,
          dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          requests: res.length + 1,
          bytes: res.reduce((a, r) => a + (r.transferSize || 0), nav.transferSize || 0),
        });
      };
      read();
      """;

  private static void firstPaint(Browser browser, Map<String, String> results) {
    ChromeDriver driver = (ChromeDriver) browser.driver();
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SHOWN_MARK));
    browser.open("/");
    browser.script("localStorage.clear(); localStorage.setItem('netmap.lang', 'en')");
    for (String cache : new String[] {"cold", "warm"}) {
      List<Map<String, Object>> runs = new ArrayList<>();
      // one visit first, not counted: the server's first answers are slow until the JIT warms up
      for (int i = 0; i <= RUNS; i++) {
        if (cache.equals("cold")) {
          driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        }
        driver.get("about:blank");
        browser.open("/");
        Map<String, Object> figures = Browser.map(browser.asyncScript(PAINT_FIGURES));
        if (i > 0) {
          runs.add(figures);
        }
      }
      for (String key : List.of("explore", "fcp", "lcp", "dcl", "load", "requests", "bytes")) {
        double[] values = runs.stream().mapToDouble(r -> num(r.get(key))).sorted().toArray();
        put(results, "paint." + cache + "." + key, values[values.length / 2]);
      }
    }
  }

  /**
   * Chooses a limit, presses "whole graph" and waits until it is drawn at rest. Times from the
   * click: the answer received, the data in the view (status line), the first drawing after that,
   * rest (layout over, labels placed) and the drawing after rest; the longest gap between frames
   * (how long the page was unresponsive at worst).
   */
  private static final String DRAW =
      """
      const [limit, done] = arguments;
      const view = document.querySelector('.graph-view');
      const status = document.querySelector('.status');
      const before = status.textContent;
      const select = document.querySelector('#whole-limit');
      select.value = String(limit);
      select.dispatchEvent(new Event('change'));
      performance.clearResourceTimings();
      const t = { limit };
      const frames = [];
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        const res = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/graph'));
        t.response = res ? res.responseEnd - t0 : -1;
        t.bytes = res ? res.transferSize : -1;
        t.decoded = res ? res.decodedBodySize : -1;
        let worst = 0;
        for (let i = 1; i < frames.length; i++) worst = Math.max(worst, frames[i] - frames[i - 1]);
        t.worstGap = worst;
        t.status = status.textContent;
        done(t);
      };
      const observer = new MutationObserver((records) => {
        const now = performance.now() - t0;
        for (const r of records) {
          if (r.target === view && r.attributeName === 'data-paint-ms') {
            if (t.data !== undefined && t.firstDraw === undefined) t.firstDraw = now;
            if (t.rest !== undefined && t.restDraw === undefined) { t.restDraw = now; setTimeout(finish, 0); }
          } else if (r.target === view && r.attributeName === 'data-state') {
            if (t.data !== undefined && view.dataset.state === 'rest' && t.rest === undefined) {
              t.rest = now;
              // an SVG view (small graphs) has no canvas drawing to wait for
              if (view.dataset.mode !== 'canvas') { t.restDraw = now; setTimeout(finish, 0); }
            }
          } else if (t.data === undefined && status.textContent !== before && /^\\d/.test(status.textContent)) {
            t.data = now;
          }
        }
      });
      observer.observe(view, { attributes: true });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      const tick = (now) => { frames.push(now); if (!finished) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      setTimeout(() => { t.timedOut = true; finish(); }, 200000);
      const t0 = performance.now();
      document.querySelector('#whole').click();
      """;

  private static void draw(Browser browser, int limit, Map<String, String> results) {
    browser.open("/#/explore");
    browser.driver().navigate().refresh();
    browser.present(org.openqa.selenium.By.cssSelector("#whole"));
    browser.graphAtRest();
    Map<String, Object> t = Browser.map(browser.asyncScript(DRAW, limit));
    String p = "draw." + limit + ".";
    for (String key :
        List.of(
            "response", "data", "firstDraw", "rest", "restDraw", "worstGap", "bytes", "decoded")) {
      put(results, p + key, t.containsKey(key) ? num(t.get(key)) : -1);
    }
    results.put(p + "status", String.valueOf(t.get("status")));
    if (t.containsKey("timedOut")) {
      results.put(p + "timedOut", "true");
    }
    // the labels are drawn a moment after rest on a canvas
    browser.script("return new Promise((r) => setTimeout(r, 600))");
  }

  /**
   * Pans (mouse drag over an empty spot) or zooms (wheel, in then out) the view for a few seconds,
   * one input event per frame, or leaves it alone ("idle"); counts requestAnimationFrame callbacks
   * and the time between them, and reads the drawing time the view reports.
   */
  private static final String FRAMES =
      """
      const [mode, duration, done] = arguments;
      const view = document.querySelector('.graph-view');
      const target = view.querySelector('canvas.graph-canvas') ?? view.querySelector('svg');
      const box = target.getBoundingClientRect();
      // an empty spot (white or a grey line, no node) to grab for panning: one read of the canvas
      // (reading it often makes Chromium draw it differently), only when panning
      let gx = box.left + box.width / 2, gy = box.top + box.height / 2;
      if (mode === 'pan' && target.tagName === 'CANVAS') {
        const data = target.getContext('2d').getImageData(0, 0, target.width, target.height).data;
        const ratio = target.width / box.width;
        const plain = (x, y) => {
          const i = (y * target.width + x) * 4;
          return Math.abs(data[i] - data[i + 1]) < 12 && Math.abs(data[i + 1] - data[i + 2]) < 12;
        };
        search: for (let y = 40; y < box.height - 40; y += 23) {
          for (let x = 40; x < box.width - 40; x += 23) {
            let ok = true;
            for (let dy = -7; dy <= 7 && ok; dy++) {
              for (let dx = -7; dx <= 7 && ok; dx++) ok = plain(Math.round((x + dx) * ratio), Math.round((y + dy) * ratio));
            }
            if (ok) { gx = box.left + x; gy = box.top + y; break search; }
          }
        }
      }
      const mouse = (type, x, y, on) => on.dispatchEvent(new MouseEvent(type, {
        clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1,
        bubbles: true, cancelable: true, view: window }));
      const times = [];
      const paints = [];
      let lastPaint = view.dataset.paintMs;
      const paintObserver = new MutationObserver(() => paints.push(Number(view.dataset.paintMs)));
      paintObserver.observe(view, { attributes: true, attributeFilter: ['data-paint-ms'] });
      let start = null;
      let i = 0;
      if (mode === 'pan') mouse('mousedown', gx, gy, target);
      function frame(now) {
        if (start === null) start = now;
        times.push(now);
        if (now - start < duration) {
          i++;
          if (mode === 'pan') {
            const a = i / 20;
            mouse('mousemove', gx + 120 * Math.sin(a), gy + 80 * Math.sin(a * 0.7), window);
          } else if (mode === 'zoom') {
            const zoomIn = Math.floor(i / 30) % 2 === 0;
            target.dispatchEvent(new WheelEvent('wheel', { deltaY: zoomIn ? -40 : 40,
              clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
          }
          requestAnimationFrame(frame);
        } else {
          if (mode === 'pan') mouse('mouseup', gx, gy, window);
          paintObserver.disconnect();
          const gaps = [];
          for (let k = 1; k < times.length; k++) gaps.push(times[k] - times[k - 1]);
          const sorted = [...gaps].sort((a, b) => a - b);
          const elapsed = times[times.length - 1] - times[0];
          done({
            fps: gaps.length / (elapsed / 1000),
            meanFrame: elapsed / gaps.length,
            p95: sorted[Math.floor(sorted.length * 0.95)],
            worst: sorted[sorted.length - 1],
            worst3: sorted.slice(-3).reverse().map((x) => Math.round(x)).join('/'),
            over33: gaps.filter((g) => g > 1000 / 30).length,
            frames: gaps.length,
            paint: paints.length ? paints.reduce((a, b) => a + b, 0) / paints.length : -1,
            paints: paints.length,
          });
        }
      }
      requestAnimationFrame(frame);
      """;

  private static void frames(Browser browser, String mode, Map<String, String> results) {
    Map<String, Object> f = Browser.map(browser.asyncScript(FRAMES, mode, 4000));
    String p = "fps." + mode + ".";
    for (String key : List.of("fps", "meanFrame", "p95", "worst", "over33", "frames", "paint")) {
      put(results, p + key, num(f.get(key)));
    }
    results.put(p + "worst3", String.valueOf(f.get("worst3")));
    // let the labels come back before the next measurement
    browser.script("return new Promise((r) => setTimeout(r, 800))");
  }

  private static void shot(Browser browser, Path file) throws IOException {
    Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
  }

  private static void put(Map<String, String> results, String key, double value) {
    results.put(key, String.format(Locale.ROOT, "%.1f", value));
  }

  private static double num(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
