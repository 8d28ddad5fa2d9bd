package io.twofold.mfa.http.delivery;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * TLS sockets for the SMTP sender that check, during the handshake, that the server's certificate
 * names the host we dialled (the JDK's HTTPS rules: DNS name or IP address in the subject alternative
 * names), and speak TLS 1.2 or 1.3 only. A trusted certificate for another name would otherwise let
 * anyone who holds one read every code.
 */
final class HostCheckingSocketFactory extends SSLSocketFactory {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory tls;

    HostCheckingSocketFactory(SSLContext trust) {
        this.tls = trust.getSocketFactory();
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    /** Unconnected: the host checked is the one the caller connects to. */
    @Override
    public Socket createSocket() throws IOException {
        return checked(tls.createSocket());
    }

    /** STARTTLS: TLS over the connection already open to {@code host}. */
    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        return checked(tls.createSocket(plain, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket plain, InputStream consumed, boolean autoClose) throws IOException {
        throw new UnsupportedOperationException("not a server socket factory");
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return checked(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return checked(tls.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return checked(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return checked(tls.createSocket(address, port, localAddress, localPort));
    }

    private static Socket checked(Socket socket) {
        SSLSocket ssl = (SSLSocket) socket;
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(PROTOCOLS);
        ssl.setSSLParameters(parameters);
        return ssl;
    }
}
