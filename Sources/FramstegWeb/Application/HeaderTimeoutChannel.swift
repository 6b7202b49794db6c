import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// HTTP/1.1 with a deadline on every request's head: from the first byte of a request, its
/// request line and headers must be complete within `headerTimeout`, however slowly the bytes
/// trickle in (a slow-header client holds a socket otherwise). The idle timeout, Hummingbird's
/// own, closes a connection with nothing in flight.
struct HeaderTimeoutChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let responder: HTTPChannelHandler.Responder
    let configuration: HTTP1Channel.Configuration
    let headerTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let deadline = HeadDeadline(timeout: headerTimeout)
        var configuration = self.configuration
        let additional = configuration.additionalChannelHandlers
        configuration.additionalChannelHandlers = { additional() + [HeadReceivedHandler(deadline: deadline)] }
        let http1 = HTTP1Channel(responder: responder, configuration: configuration)
        return channel.eventLoop.makeCompletedFuture {
            // First in the pipeline, before the HTTP decoder: it sees the raw bytes arrive.
            try channel.pipeline.syncOperations.addHandler(FirstByteHandler(deadline: deadline))
        }
        .flatMap { http1.setup(channel: channel, logger: logger) }
    }

    func handle(value: Value, logger: Logger) async {
        await HTTP1Channel(responder: responder, configuration: configuration).handle(value: value, logger: logger)
    }
}

/// The deadline of the request head being read, shared by the two handlers of one connection.
/// Touched only on that connection's event loop (hence unchecked).
final class HeadDeadline: @unchecked Sendable {
    let timeout: TimeAmount
    var isBetweenRequests = true
    var timer: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func start(_ context: ChannelHandlerContext) {
        guard isBetweenRequests else { return }
        isBetweenRequests = false
        let channel = context.channel
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    func headReceived() {
        timer?.cancel()
        timer = nil
    }

    func requestEnded() {
        isBetweenRequests = true
    }
}

/// Starts the deadline when the first bytes of a request arrive.
final class FirstByteHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let deadline: HeadDeadline

    init(deadline: HeadDeadline) {
        self.deadline = deadline
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadline.start(context)
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline.headReceived()
        context.fireChannelInactive()
    }
}

/// Ends the deadline when the decoder has the whole head, and rearms it after the request.
final class HeadReceivedHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    let deadline: HeadDeadline

    init(deadline: HeadDeadline) {
        self.deadline = deadline
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            deadline.headReceived()
            deadline.isBetweenRequests = false
        case .body: break
        case .end: deadline.requestEnded()
        }
        context.fireChannelRead(data)
    }
}
