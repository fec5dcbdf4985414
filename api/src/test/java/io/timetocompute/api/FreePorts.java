package io.timetocompute.api;

import java.io.IOException;
import java.net.ServerSocket;

/** Free local ports for tests that start servers on fixed ports. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int one() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return a free port whose successor is free too: the embedded broker's controller listens there */
    public static int pair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = one();
            try (ServerSocket second = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another pair
            }
        }
        throw new IOException("no two consecutive free ports");
    }
}
