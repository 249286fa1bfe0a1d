package dev.cascadestudio.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A socket factory whose only purpose is to be noticed: constructing it writes a file, so a test can
 * tell whether a driver loaded and ran the class a URL named. PostgreSQL's {@code socketFactory} and
 * {@code sslfactory} pass their {@code ...Arg} setting to the String constructor; MariaDB's
 * {@code socketFactory} calls the no-argument one, which writes the file named by the system property
 * {@value #FILE_PROPERTY}. Its sockets are the platform's, so a driver that gets this far goes on as usual.
 */
public final class ProbeSocketFactory extends SSLSocketFactory {

    /** The file the no-argument constructor writes. */
    public static final String FILE_PROPERTY = "cascade.test.probeFile";

    public ProbeSocketFactory(String file) {
        mark(file);
    }

    public ProbeSocketFactory() {
        mark(System.getProperty(FILE_PROPERTY));
    }

    private static void mark(String file) {
        if (file == null) {
            throw new IllegalStateException("no file for the probe to write");
        }
        try {
            Files.writeString(Path.of(file), "ProbeSocketFactory was constructed\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLSocketFactory tls() {
        return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    @Override
    public Socket createSocket() throws IOException {
        return SocketFactory.getDefault().createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return SocketFactory.getDefault().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return SocketFactory.getDefault().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return SocketFactory.getDefault().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return SocketFactory.getDefault().createSocket(address, port, localAddress, localPort);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return tls().createSocket(socket, host, port, autoClose);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls().getSupportedCipherSuites();
    }
}
