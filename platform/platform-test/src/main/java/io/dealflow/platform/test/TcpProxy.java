package io.dealflow.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on a local port in front of a server (PostgreSQL, Redis, ...) that a test can cut off
 * and restore, to prove what a service does while the server is away: {@link #refuse()} kills every
 * open connection and refuses new ones (nothing listens on the port), {@link #accept()} listens
 * again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private @Nullable ServerSocket server;

  private TcpProxy(String targetHost, int targetPort, int port) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = port;
  }

  /** Starts forwarding a free local port to {@code host:port}. */
  public static TcpProxy start(String host, int port) {
    try (ServerSocket probe = new ServerSocket(0)) {
      TcpProxy proxy = new TcpProxy(host, port, probe.getLocalPort());
      probe.close();
      proxy.accept();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local port to connect to instead of the server's. */
  public int port() {
    return port;
  }

  /** Closes every open connection and stops listening: connecting is refused until accept(). */
  public synchronized void refuse() {
    ServerSocket current = server;
    server = null;
    closeQuietly(current);
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  /** Listens again (on the same port) and forwards what connects. */
  public synchronized void accept() {
    if (server != null) {
      return;
    }
    try {
      ServerSocket listening = new ServerSocket();
      listening.setReuseAddress(true);
      listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = listening;
      Thread.ofPlatform().daemon().name("tcp-proxy-" + port).start(() -> acceptLoop(listening));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + port + " again", e);
    }
  }

  private void acceptLoop(ServerSocket listening) {
    while (!listening.isClosed()) {
      Socket client;
      try {
        client = listening.accept();
      } catch (IOException e) {
        return;
      }
      try {
        Socket upstream = new Socket(targetHost, targetPort);
        synchronized (this) {
          if (server != listening) {
            closeQuietly(client);
            closeQuietly(upstream);
            continue;
          }
          sockets.add(client);
          sockets.add(upstream);
        }
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .name("tcp-proxy-pump")
        .start(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException e) {
                // The other side or refuse() closed the connection.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            });
  }

  @Override
  public void close() {
    refuse();
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed.
    }
  }
}
