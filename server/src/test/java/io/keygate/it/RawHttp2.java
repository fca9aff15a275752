package io.keygate.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/2 connection, frames written and read by hand: for what a gRPC client library would
 * hide — a connection that never makes a call, a flood of pings, more streams than allowed, the server's GOAWAY.
 */
final class RawHttp2 implements AutoCloseable {
  /** A GOAWAY the server sent. */
  record GoAway(int errorCode, String debug) {}

  /** An RST_STREAM the server sent. */
  record Reset(int stream, int errorCode) {}

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

  /**
   * Opens stream {@code stream} with a gRPC call's request headers for {@code path} and nothing after them: the
   * stream stays open, the server waiting for its message. The headers are HPACK literals, neither indexed nor
   * Huffman-coded.
   */
  void openCall(int stream, String path) throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    String[][] headers = {{":method", "POST"}, {":scheme", "http"}, {":path", path}, {":authority", "keygate"},
        {"content-type", "application/grpc"}, {"te", "trailers"}};
    for (String[] header : headers) {
      block.write(0); // a literal header field without indexing, its name a literal too
      for (String part : header) {
        byte[] bytes = part.getBytes(StandardCharsets.US_ASCII);
        block.write(bytes.length); // all shorter than 127: the length fits the 7-bit prefix
        block.write(bytes);
      }
    }
    byte[] frame = frame(1, 0x4, block.toByteArray()); // HEADERS, END_HEADERS
    frame[5] = (byte) (stream >>> 24);
    frame[6] = (byte) (stream >>> 16);
    frame[7] = (byte) (stream >>> 8);
    frame[8] = (byte) stream;
    sendAll(frame);
  }

  /** The parameters of the server's first SETTINGS frame, by identifier; fails with the read timeout if none comes. */
  java.util.Map<Integer, Long> awaitSettings() throws IOException {
    while (true) {
      Frame frame = next();
      if (frame.type() == 4 && (frame.flags() & 0x1) == 0) {
        java.util.Map<Integer, Long> settings = new java.util.TreeMap<>();
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.wrap(frame.payload());
        while (payload.remaining() >= 6) {
          settings.put(payload.getShort() & 0xffff, payload.getInt() & 0xffffffffL);
        }
        return settings;
      }
    }
  }

  /** The first RST_STREAM the server sends, on whichever stream; fails with the read timeout if none comes. */
  Reset awaitReset() throws IOException {
    while (true) {
      Frame frame = next();
      if (frame.type() == 3) {
        return new Reset(frame.stream(), java.nio.ByteBuffer.wrap(frame.payload()).getInt());
      }
    }
  }

  private record Frame(int type, int flags, int stream, byte[] payload) {}

  private Frame next() throws IOException {
    int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
    int type = in.readUnsignedByte();
    int flags = in.readUnsignedByte();
    int stream = in.readInt() & 0x7fffffff;
    return new Frame(type, flags, stream, in.readNBytes(length));
  }

  /** Reads frames until a GOAWAY; fails with the socket's read timeout if none comes. */
  GoAway awaitGoAway() throws IOException {
    while (true) {
      Frame frame = next();
      byte[] payload = frame.payload();
      if (frame.type() == 7) {
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
