package org.dpgfed.harvester.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dpgfed.harvester.harvest.Shapes;
import org.dpgfed.harvester.model.Problem;
import org.dpgfed.harvester.model.Severity;
import org.dpgfed.harvester.source.AdaptedPage;
import org.dpgfed.harvester.source.AdapterException;
import org.dpgfed.harvester.source.Adapters;
import org.dpgfed.harvester.source.Page;
import org.dpgfed.harvester.source.SourceAdapter;

/**
 * {@code validate FILE --format F}: what a harvest would make of a local file, for a repository
 * operator to check before publishing: records read, and every problem with its severity, record,
 * path and message. Exit code 1 when a record has a violation (it would not be stored).
 */
final class Validate implements Command {
  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "check a local file as a harvest would read it";
  }

  @Override
  public String usage() {
    return """
        usage: java -jar dpg-harvester.jar validate FILE --format FORMAT
        Reads FILE with the adapter for FORMAT (%s), checks every record against the shapes
        (vocab/shapes/dpg-shapes.ttl) as a harvest would, and prints the records it found and every
        problem: severity (violation: the record would not be stored; warning: something was
        dropped or guessed; info), record, path and message.
        Exit code 0 when no record has a violation, 1 when one has or the file cannot be read.""".formatted(
        String.join(", ", Adapters.standard().formats()));
  }

  @Override
  public Set<String> options() {
    return Set.of("format");
  }

  @Override
  public int run(Args args) throws Exception {
    Path file = Path.of(args.single("a FILE to check"));
    String format = args.required("format");
    SourceAdapter adapter = Adapters.standard().forFormat(format)
        .orElseThrow(() -> new UsageException("unknown format '" + format + "'; known: " + Adapters.standard().formats()));
    byte[] body = Files.readAllBytes(file);
    AdaptedPage page;
    try {
      page = adapter.adapt(new Page(file.toUri().toString(), contentType(file), body));
      page = new AdaptedPage(Shapes.standard().check(page.records()), page.problems(), page.next());
    } catch (AdapterException e) {
      System.out.println(file + ": cannot be read as " + format + ": " + e.getMessage());
      return 1;
    }
    return report(file, page, System.out);
  }

  static int report(Path file, AdaptedPage page, PrintStream out) {
    List<Problem> problems = new ArrayList<>(page.problems());
    page.records().forEach(r -> problems.addAll(r.problems()));
    long invalid = page.records().stream().filter(r -> !r.valid()).count();
    boolean pageViolation = page.problems().stream().anyMatch(p -> p.severity() == Severity.VIOLATION);
    out.printf("%s: %d records (%d valid, %d with violations), %d problems%n", file, page.records().size(),
        page.records().size() - invalid, invalid, problems.size());
    for (Problem p : problems) {
      out.printf("%-9s record=%s path=%s: %s%n", p.severity().label(), p.record() == null ? "-" : p.record(),
          p.path() == null ? "-" : p.path(), p.message());
    }
    page.next().ifPresent(next -> out.println("next page (not checked): " + next));
    return invalid > 0 || pageViolation ? 1 : 0;
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".json") ? "application/json" : null;
  }
}
