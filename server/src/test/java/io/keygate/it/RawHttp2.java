package io.keygate.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/2 connection, frames written and read by hand: for what a gRPC client library would
 * hide — a connection that never makes a call, a flood of pings, the server's GOAWAY.
 */
final class RawHttp2 implements AutoCloseable {
  /** A GOAWAY the server sent. */
  record GoAway(int errorCode, String debug) {}

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;

  /** Connects, sends the client preface and an empty SETTINGS frame. */
  RawHttp2(int port, int readTimeoutMillis) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(readTimeoutMillis);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    send(4, 0, new byte[0]);
  }

  /** Sends one frame on stream 0. */
  void send(int type, int flags, byte[] payload) throws IOException {
    sendAll(frame(type, flags, payload));
  }

  /**
   * Sends {@code frames} in one write, so that they reach the server together: one it answers by hanging
   * up is then not followed by writes into a connection it has already reset.
   */
  void sendAll(byte[]... frames) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] frame : frames) {
      all.write(frame);
    }
    out.write(all.toByteArray());
    out.flush();
  }

  /** One frame on stream 0. */
  static byte[] frame(int type, int flags, byte[] payload) {
    byte[] frame = new byte[9 + payload.length];
    frame[0] = (byte) (payload.length >>> 16);
    frame[1] = (byte) (payload.length >>> 8);
    frame[2] = (byte) payload.length;
    frame[3] = (byte) type;
    frame[4] = (byte) flags;
    System.arraycopy(payload, 0, frame, 9, payload.length);
    return frame;
  }

  /** Reads frames until a GOAWAY; fails with the socket's read timeout if none comes. */
  GoAway awaitGoAway() throws IOException {
    while (true) {
      int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
      int type = in.readUnsignedByte();
      in.readUnsignedByte(); // flags
      in.readInt(); // stream
      byte[] payload = in.readNBytes(length);
      if (type == 7) {
        int errorCode = ((payload[4] & 0xff) << 24) | ((payload[5] & 0xff) << 16) | ((payload[6] & 0xff) << 8)
            | (payload[7] & 0xff);
        return new GoAway(errorCode, new String(payload, 8, payload.length - 8, StandardCharsets.US_ASCII));
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
