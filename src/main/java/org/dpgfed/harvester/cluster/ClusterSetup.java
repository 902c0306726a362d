package org.dpgfed.harvester.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.dpgfed.harvester.config.Config;

/**
 * A clustered Vert.x: Hazelcast configured in code, members found over TCP-IP from
 * {@code cluster.members} only (no multicast, no cloud auto-detection, no phone-home), bound to
 * {@code cluster.host}.
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  /** The Vert.x options a clustered node starts from: the event bus on cluster.host. */
  public static VertxOptions options(Config.Cluster cluster) {
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost(cluster.host()).setPort(0);
    return options;
  }

  /** Joins the cluster; the future completes once this node is a member. */
  public static Future<Vertx> start(VertxBuilder builder, Config.Cluster cluster) {
    return builder.withClusterManager(new HazelcastClusterManager(hazelcast(cluster))).buildClustered();
  }

  static com.hazelcast.config.Config hazelcast(Config.Cluster cluster) {
    com.hazelcast.config.Config config = new com.hazelcast.config.Config();
    config.setClusterName("dpg-harvester");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    long timeout = Math.max(2, cluster.memberTimeout().toSeconds());
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(timeout));
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false).setPublicAddress(cluster.host());
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(cluster.members());
    // what Vert.x's own default-cluster.xml sets for its maps
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return config;
  }
}
