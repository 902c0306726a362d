package org.dpgfed.harvester.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings: bundled defaults, then a --config file, then the environment; bad values named. */
class ConfigLoaderTest {
  private static final Path DEFAULTS_FILE = Path.of("config/harvester.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @Test
  void defaultsAreTheValuesOfTheBundledConfigFile() throws IOException {
    Config defaults = ConfigLoader.defaults();
    Map<String, String> file = leaves(DEFAULTS_FILE);
    assertTrue(file.size() > 20, "the defaults file lists every setting: " + file.keySet());
    file.forEach((key, value) -> assertEquals(value, valueOf(defaults, key), key));
    assertEquals(8080, defaults.http().port());
    assertEquals(Duration.ofSeconds(30), defaults.sparql().timeout());
    assertEquals(268_435_456L, defaults.harvest().maxBodyBytes());
    assertEquals(Duration.ofMinutes(1), defaults.harvest().minSchedule());
    assertEquals(3, defaults.harvest().maxAttempts());
    assertEquals(Path.of("./data"), defaults.store().dataDir());
    assertEquals("", defaults.auth().adminToken());
    assertEquals("http://localhost:8080", defaults.publicBaseUrl(8080));
    assertTrue(defaults.sources().isEmpty(), "defaults alone register no sources");
  }

  @Test
  void aFileThatSetsOneKeyKeepsEveryOtherDefaultAndRegistersNoSources() throws IOException {
    Path file = write("one-key.yaml", """
        sparql:
          maxRows: 5
        """);
    Config config = ConfigLoader.load(file, Map.of());
    assertEquals(5, config.sparql().maxRows());
    leaves(DEFAULTS_FILE).forEach((key, value) -> {
      if (!key.equals("sparql.maxRows")) {
        assertEquals(value, valueOf(config, key), key);
      }
    });
    assertTrue(config.sources().isEmpty(), "a file without sources: registers none");
    assertEquals(dir.toAbsolutePath(), config.configDir().toAbsolutePath());
  }

  @Test
  void anEmptyFileIsAllDefaults() throws IOException {
    Config config = ConfigLoader.load(write("empty.yaml", ""), Map.of());
    leaves(DEFAULTS_FILE).forEach((key, value) -> assertEquals(value, valueOf(config, key), key));
    assertTrue(config.sources().isEmpty());
  }

  @Test
  void aFileWithSourcesListsThemAsWritten() throws IOException {
    Path file = write("with-sources.yaml", """
        sources:
          - id: ke-registry
            title: Kenya
            url: file:ke.json
            format: dpga-json
        """);
    List<Map<String, Object>> sources = ConfigLoader.load(file, Map.of()).sources();
    assertEquals(1, sources.size());
    assertEquals("ke-registry", sources.get(0).get("id"));
  }

  @Test
  void everySettingHasItsLongEnvironmentName() {
    assertEquals("DPG_HTTP_PUBLIC_BASE_URL", ConfigLoader.environmentName("http.publicBaseUrl"));
    assertEquals("DPG_HARVEST_MAX_ATTEMPTS", ConfigLoader.environmentName("harvest.maxAttempts"));
    assertEquals("DPG_HARVEST_FIRST_BYTE_TIMEOUT", ConfigLoader.environmentName("harvest.firstByteTimeout"));
    assertEquals("DPG_STORE_DATA_DIR", ConfigLoader.environmentName("store.dataDir"));
  }

  @Test
  void longEnvironmentNamesOverrideTheFileAndTheDefaults() throws IOException {
    Path file = write("attempts.yaml", """
        harvest:
          maxAttempts: 5
        """);
    Config config = ConfigLoader.load(file, Map.of(
        "DPG_HARVEST_MAX_ATTEMPTS", "7",
        "DPG_HTTP_PUBLIC_BASE_URL", "https://long.example.org",
        "DPG_HTTP_PORT", "9090",
        "DPG_SPARQL_TIMEOUT", "PT5S",
        "DPG_HARVEST_FIRST_BYTE_TIMEOUT", "PT3S",
        "DPG_HARVEST_MAX_BODY_BYTES", "1024",
        "DPG_HARVEST_MIN_SCHEDULE", "PT1S",
        "DPG_NODE_CONTACT_EMAIL", "ops@example.org",
        "DPG_STORE_DATA_DIR", "/var/lib/dpg"));
    assertEquals(7, config.harvest().maxAttempts(), "the environment wins over the file");
    assertEquals("https://long.example.org", config.publicBaseUrl(9090));
    assertEquals(9090, config.http().port());
    assertEquals(Duration.ofSeconds(5), config.sparql().timeout());
    assertEquals(Duration.ofSeconds(3), config.harvest().firstByteTimeout());
    assertEquals(1024L, config.harvest().maxBodyBytes());
    assertEquals(Duration.ofSeconds(1), config.harvest().minSchedule());
    assertEquals("ops@example.org", config.node().contactEmail());
    assertEquals(Path.of("/var/lib/dpg"), config.store().dataDir());
  }

  @Test
  void shortEnvironmentNamesOverride() {
    Config config = ConfigLoader.load(null, Map.of(
        "DPG_PUBLIC_BASE_URL", "https://short.example.org",
        "DPG_DATA_DIR", "/srv/dpg-data",
        "DPG_ADMIN_TOKEN", "s3cret-token",
        "DPG_ALLOW_PRIVATE_NETWORKS", "true"));
    assertEquals("https://short.example.org", config.publicBaseUrl(8080));
    assertEquals(Path.of("/srv/dpg-data"), config.store().dataDir());
    assertEquals("s3cret-token", config.auth().adminToken());
    assertTrue(config.harvest().allowPrivateNetworks());
  }

  @Test
  void theLongNameWinsWhenBothNamesAreSet() {
    Config config = ConfigLoader.load(null, Map.of(
        "DPG_DATA_DIR", "/short", "DPG_STORE_DATA_DIR", "/long",
        "DPG_ALLOW_PRIVATE_NETWORKS", "false", "DPG_HARVEST_ALLOW_PRIVATE_NETWORKS", "true"));
    assertEquals(Path.of("/long"), config.store().dataDir());
    assertTrue(config.harvest().allowPrivateNetworks());
  }

  @Test
  void aBadEnvironmentValueNamesTheKeyTheVariableAndWhatIsAllowed() {
    assertRefused("DPG_HTTP_PORT", "70000", "http.port", "65535");
    assertRefused("DPG_SPARQL_TIMEOUT", "30s", "sparql.timeout", "ISO-8601");
    assertRefused("DPG_HARVEST_MAX_ATTEMPTS", "x", "harvest.maxAttempts", "whole number");
    assertRefused("DPG_HARVEST_ALLOW_PRIVATE_NETWORKS", "maybe", "harvest.allowPrivateNetworks", "true or false");
    assertRefused("DPG_HTTP_PUBLIC_BASE_URL", "ftp://x", "http.publicBaseUrl", "http");
  }

  @Test
  void aBadValueUnderAShortNameNamesThatVariable() {
    assertRefused("DPG_ALLOW_PRIVATE_NETWORKS", "maybe", "harvest.allowPrivateNetworks", "true or false");
    assertRefused("DPG_PUBLIC_BASE_URL", "ftp://x", "http.publicBaseUrl", "http");
  }

  @Test
  void aBadValueInTheFileNamesTheFileTheKeyAndTheVariable() throws IOException {
    Path file = write("bad-port.yaml", """
        http:
          port: 70000
        """);
    String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of())).getMessage();
    assertContainsAll(message, "bad-port.yaml", "http.port", "DPG_HTTP_PORT", "70000", "65535");
  }

  @Test
  void anUnknownKeyIsNamed() throws IOException {
    Path nested = write("typo.yaml", """
        http:
          prot: 8080
        """);
    assertContainsAll(assertThrows(ConfigException.class, () -> ConfigLoader.load(nested, Map.of())).getMessage(),
        "http.prot");
    Path topLevel = write("top-typo.yaml", """
        sparkle:
          timeout: PT1S
        """);
    assertContainsAll(assertThrows(ConfigException.class, () -> ConfigLoader.load(topLevel, Map.of())).getMessage(),
        "sparkle");
  }

  @Test
  void aSectionGivenAsAValueIsRefused() throws IOException {
    Path file = write("flat.yaml", "harvest: 3\n");
    assertContainsAll(assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of())).getMessage(),
        "harvest");
  }

  @Test
  void invalidYamlReportsTheLineAndColumnOfTheFault() throws IOException {
    Path file = write("tab.yaml", "http:\n  port: 8080\n\thost: 0.0.0.0\n");
    String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of())).getMessage();
    assertContainsAll(message, "tab.yaml", "line 3, column 1");
  }

  @Test
  void invalidYamlMentionsNoPositionButTheFaultsOwn() throws IOException {
    Path file = write("tab.yaml", "http:\n  port: 8080\n\thost: 0.0.0.0\n");
    String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of())).getMessage();
    Set<String> positions = new LinkedHashSet<>();
    Matcher m = Pattern.compile("line (\\d+), column (\\d+)").matcher(message);
    while (m.find()) {
      positions.add(m.group(1) + ":" + m.group(2));
    }
    assertEquals(Set.of("3:1"), positions, message);
  }

  @Test
  void everySettingIsInTheReadmesConfigurationReference() throws IOException {
    Path readme = Path.of("README.md");
    Assumptions.assumeTrue(Files.exists(readme), "no README.md yet");
    String reference = configurationSection(Files.readString(readme));
    List<String> missing = new ArrayList<>();
    for (String key : leaves(DEFAULTS_FILE).keySet()) {
      if (!reference.contains(key)) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "settings the README's configuration reference does not list");
  }

  // --- helpers -----------------------------------------------------------------------------

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertRefused(String variable, String value, String key, String allowed) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(variable, value)),
        variable + "=" + value);
    assertContainsAll(e.getMessage(), key, variable, value, allowed);
  }

  private static void assertContainsAll(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }
  }

  /** Every leaf setting of a YAML file (not {@code sources}) as dotted key to text. */
  private static Map<String, String> leaves(Path file) throws IOException {
    Map<String, String> leaves = new LinkedHashMap<>();
    collect(YAML.readTree(file.toFile()), "", leaves);
    leaves.keySet().removeIf(k -> k.equals("sources") || k.startsWith("sources."));
    return leaves;
  }

  private static void collect(JsonNode node, String prefix, Map<String, String> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> collect(e.getValue(), prefix + e.getKey() + ".", leaves));
    } else if (!prefix.startsWith("sources.")) {
      leaves.put(prefix.substring(0, prefix.length() - 1), node.isNull() ? "" : node.isArray() ? list(node) : node.asText());
    }
  }

  /** A list setting as text: its items, comma-separated. */
  private static String list(JsonNode array) {
    List<String> items = new java.util.ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return String.join(",", items);
  }

  /** The value of {@code section.name} in the Config records, by their component names, as text. */
  private static String valueOf(Config config, String key) {
    Object value = config;
    for (String part : key.split("\\.")) {
      value = component(value, part, key);
    }
    return value instanceof List<?> items ? String.join(",", items.stream().map(String::valueOf).toList())
        : String.valueOf(value);
  }

  private static Object component(Object record, String name, String key) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("the setting " + key + " has no field '" + name + "' in " + record.getClass().getSimpleName());
  }

  /** From the first heading that mentions configuration to the next heading of its level or above. */
  private static String configurationSection(String markdown) {
    Matcher heading = Pattern.compile("(?mi)^(#{1,6})\\s+.*\\b(configuration|settings)\\b.*$").matcher(markdown);
    assertTrue(heading.find(), "README.md has no configuration heading");
    int level = heading.group(1).length();
    Matcher next = Pattern.compile("(?m)^#{1," + level + "}\\s").matcher(markdown);
    int end = next.find(heading.end()) ? next.start() : markdown.length();
    return markdown.substring(heading.start(), end);
  }
}
