using Bandit.Contracts.Gateway.V1;
using Bandit.Grains;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Bandit.Gateway.Limits;

/// <summary>
/// Refuses, with <c>ResourceExhausted</c>, events and registrations of new posts above the admission rate.
/// </summary>
internal sealed class NewPostAdmissionInterceptor(NewPostAdmission admission) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);

        var postId = request switch
        {
            RecordEventRequest record => record.PostId,
            RegisterPostRequest register => register.PostId,
            _ => null,
        };
        // A malformed id is the service's to refuse, with InvalidArgument.
        if (postId is not null && PostIdRules.Validate(postId) is null && !await admission.AdmitAsync(postId))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"post_id '{postId}' is new to the cluster, and this gateway admits new posts at most at "
                + $"{admission.Limit} per second (burst {admission.Burst}); that limit is reached, retry later. "
                + "Posts the cluster knows are not limited."));
        }

        return await continuation(request, context);
    }
}
