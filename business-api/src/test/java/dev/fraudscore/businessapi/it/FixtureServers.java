package dev.fraudscore.businessapi.it;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The three downstream fixtures, each a real gRPC server on its own port (port 0 at first start; a
 * restart after a test shut one down binds the same port again, so business-api's channel finds it).
 */
final class FixtureServers {

    final FeatureFixture features = new FeatureFixture();
    final PredictFixture predict = new PredictFixture();
    final PostprocessFixture postprocess = new PostprocessFixture();
    private final Hosted featureServer = new Hosted(features);
    private final Hosted predictServer = new Hosted(predict);
    private final Hosted postprocessServer = new Hosted(postprocess);

    static FixtureServers start() {
        FixtureServers servers = new FixtureServers();
        servers.featureServer.start(0);
        servers.predictServer.start(0);
        servers.postprocessServer.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(servers::stopAll));
        return servers;
    }

    String featuresTarget() {
        return "127.0.0.1:" + featureServer.port;
    }

    String predictTarget() {
        return "127.0.0.1:" + predictServer.port;
    }

    String postprocessTarget() {
        return "127.0.0.1:" + postprocessServer.port;
    }

    Hosted predictServer() {
        return predictServer;
    }

    Hosted postprocessServer() {
        return postprocessServer;
    }

    /** Back to answering normally, with every server up and the records cleared. */
    void reset() {
        features.reset();
        predict.reset();
        postprocess.reset();
        featureServer.ensureRunning();
        predictServer.ensureRunning();
        postprocessServer.ensureRunning();
    }

    private void stopAll() {
        featureServer.stop();
        predictServer.stop();
        postprocessServer.stop();
    }

    /** One server that can be shut down and brought back on the same port. */
    static final class Hosted {

        private final BindableService service;
        private Server server;
        private int port;

        Hosted(BindableService service) {
            this.service = service;
        }

        synchronized void start(int wantedPort) {
            try {
                server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", wantedPort))
                        .addService(service).build().start();
                port = server.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a fixture gRPC server on port " + wantedPort, e);
            }
        }

        synchronized void stop() {
            if (server != null) {
                server.shutdownNow();
                try {
                    server.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                server = null;
            }
        }

        synchronized void ensureRunning() {
            if (server == null) {
                start(port);
            }
        }
    }
}
