package org.dpgfed.harvester.web.ui;

import static org.dpgfed.harvester.web.Html.escape;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The frame every page shares: head, style, navigation, language switcher. */
final class Layout {
  private static final String STYLE = resource("ui/style.css");
  private static final List<String[]> NAV = List.of(new String[] {"/", "nav.home"},
      new String[] {"/explore", "nav.explore"}, new String[] {"/query", "nav.query"},
      new String[] {"/sources", "nav.sources"});

  private Layout() {}

  /** Answers the page; {@code script}, if not null, is a ui/ resource run at the end of the body. */
  static void send(RoutingContext ctx, Texts.Words w, String title, CharSequence main, String script) {
    StringBuilder html = new StringBuilder(8192).append("<!doctype html>\n<html lang=\"").append(w.lang())
        .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(escape(title)).append(" · ").append(escape(w.get("site.name"))).append("</title><style>")
        .append(STYLE).append("</style></head><body>\n<a class=\"skip\" href=\"#main\">").append(escape(w.get("skip")))
        .append("</a>\n<header><nav aria-label=\"").append(escape(w.get("nav.label"))).append("\"><ul>");
    String path = ctx.request().path();
    for (String[] item : NAV) {
      html.append("<li><a href=\"").append(item[0]).append("?lang=").append(w.lang()).append('"')
          .append(item[0].equals(path) ? " aria-current=\"page\"" : "").append('>').append(escape(w.get(item[1])))
          .append("</a></li>");
    }
    html.append("</ul></nav>").append(switcher(ctx, w)).append("</header>\n<main id=\"main\">\n<h1>")
        .append(escape(title)).append("</h1>\n").append(main).append("</main>\n");
    if (script != null) {
      html.append("<script>").append(resource(script)).append("</script>\n");
    }
    html.append("</body></html>\n");
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Content-Language", w.lang())
        .putHeader("Vary", "Accept-Language").end(html.toString());
  }

  private static String switcher(RoutingContext ctx, Texts.Words w) {
    StringBuilder out = new StringBuilder("<nav class=\"langs\" aria-label=\"").append(escape(w.get("lang.label")))
        .append("\"><ul>");
    for (String lang : Texts.LANGUAGES) {
      out.append("<li><a lang=\"").append(lang).append("\" hreflang=\"").append(lang).append("\" href=\"")
          .append(escape(ctx.request().path() + "?" + query(ctx, Map.of("lang", lang)))).append('"')
          .append(lang.equals(w.lang()) ? " aria-current=\"true\"" : "").append('>').append(escape(w.get("lang." + lang)))
          .append("</a></li>");
    }
    return out.append("</ul></nav>").toString();
  }

  /** The request's query string with some parameters replaced (an empty value drops one). */
  static String query(RoutingContext ctx, Map<String, String> replace) {
    StringBuilder out = new StringBuilder();
    ctx.queryParams().forEach(e -> {
      if (!replace.containsKey(e.getKey())) {
        append(out, e.getKey(), e.getValue());
      }
    });
    replace.forEach((k, v) -> {
      if (!v.isEmpty()) {
        append(out, k, v);
      }
    });
    return out.toString();
  }

  private static void append(StringBuilder out, String key, String value) {
    out.append(out.length() == 0 ? "" : "&").append(encode(key)).append('=').append(encode(value));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static String resource(String name) {
    try (InputStream in = Layout.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
