package org.dpgfed.harvester.web.ui;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import org.dpgfed.harvester.testing.TestNode;
import org.openqa.selenium.By;

/** The interface's test node (see {@link UiNode}) and a browser pointed at it, for one test class. */
final class UiBrowser implements AutoCloseable {
  final Chromium chromium;
  final Vertx vertx;
  final TestNode node;

  private UiBrowser(Chromium chromium, Vertx vertx, TestNode node) {
    this.chromium = chromium;
    this.vertx = vertx;
    this.node = node;
  }

  /** Starts the browser first, so that without one the class is skipped before a node is built. */
  static UiBrowser start(Path dir) throws IOException {
    Chromium chromium = Chromium.start(dir.resolve("profile"));
    Vertx vertx = Vertx.vertx();
    return new UiBrowser(chromium, vertx, UiNode.start(vertx, dir));
  }

  void open(String path) {
    chromium.driver.get(node.url(path));
  }

  /** Types the operator's token into the Sources page and keeps it for the tab. */
  void enterTheToken() {
    open("/sources?lang=en");
    chromium.driver.findElement(By.id("token")).sendKeys(TestNode.ADMIN);
    chromium.driver.findElement(By.id("token-save")).click();
  }

  @Override
  public void close() {
    chromium.close();
    node.close();
    vertx.close();
  }
}
