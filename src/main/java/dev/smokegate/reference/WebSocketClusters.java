package dev.smokegate.reference;

import dev.smokegate.reference.pki.LeafSpec;
import dev.smokegate.reference.services.RedisEndpoint;
import dev.smokegate.reference.ws.ClusterMaterial;
import dev.smokegate.reference.ws.WsCluster;
import dev.smokegate.reference.ws.WsVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deployment's WebSocket clusters, started on first use: each costs replicas (for Socket.IO, Node processes),
 * which most self-tests never need.
 */
final class WebSocketClusters {

    private final ReferencePki pki;
    private final RedisEndpoint redis;
    private final Path workDir;
    private final Cleanup cleanup;
    private final Map<WsVariant, WsCluster> started = new EnumMap<>(WsVariant.class);

    WebSocketClusters(ReferencePki pki, RedisEndpoint redis, Path workDir, Cleanup cleanup) {
        this.pki = pki;
        this.redis = redis;
        this.workDir = workDir;
        this.cleanup = cleanup;
    }

    synchronized WsCluster start(WsVariant variant) throws IOException {
        WsCluster cluster = started.get(variant);
        if (cluster == null) {
            Path dir = Files.createDirectories(workDir.resolve(variant.name().toLowerCase(java.util.Locale.ROOT)));
            ClusterMaterial material = new ClusterMaterial(variant.host(),
                    pki.intermediate().issue(LeafSpec.forHosts(variant.host()).build()), pki.root().certificate(),
                    redis, dir, CorsMiddleware.ALLOWED_ORIGIN);
            cluster = cleanup.register(variant.start(material));
            started.put(variant, cluster);
        }
        return cluster;
    }

    synchronized Map<WsVariant, WsCluster> started() {
        return Collections.unmodifiableMap(new EnumMap<>(started));
    }

    synchronized void healAll() throws IOException {
        for (WsCluster cluster : started.values()) {
            cluster.heal();
        }
    }
}
