package dev.smokegate.reference.ws;

import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.services.RedisEndpoint;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * What a {@link WsCluster} takes from the deployment it belongs to.
 *
 * @param host          the cluster's public name, which {@code identity} covers
 * @param identity      the TLS certificate every replica serves (TLS ends at the replicas, not the balancer)
 * @param root          the CA that signed Redis's certificate, for the replicas' Redis clients
 * @param redis         the deployment's Redis (TLS, password), whose pub/sub the replicas share
 * @param workDir       a private directory for keys, logs and scripts; deleted by the deployment
 * @param allowedOrigin the only Origin a healthy cluster accepts, {@code https://app.smokegate.test}
 */
public record ClusterMaterial(String host, IssuedCertificate identity, X509Certificate root, RedisEndpoint redis,
                              Path workDir, String allowedOrigin) {
}
