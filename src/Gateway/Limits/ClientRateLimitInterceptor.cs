using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Bandit.Gateway.Limits;

/// <summary>
/// Refuses, with <c>ResourceExhausted</c>, calls of a client above its rate. Health and reflection pass.
/// </summary>
internal sealed class ClientRateLimitInterceptor(
    ClientRateLimiter limiter,
    ILogger<ClientRateLimitInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);

        Check(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);

        Check(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);

        Check(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);

        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        if (context.Method.StartsWith("/grpc.health.", StringComparison.Ordinal)
            || context.Method.StartsWith("/grpc.reflection.", StringComparison.Ordinal))
        {
            return;
        }

        var client = ClientRateLimiter.ClientOf(context.GetHttpContext());
        if (limiter.TryAcquire(client))
        {
            return;
        }

        GatewayLog.ClientRateLimited(logger, context.Method, client);
        throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"rate limit: this client may make {limiter.Limit} calls per second (burst {limiter.Burst}); "
            + "slow down and retry later"));
    }
}
