using Bandit.Grains;
using Grpc.Core;

namespace Bandit.Gateway.Services;

/// <summary>Guards for request fields; every failure names the field.</summary>
internal static class RequestValidation
{
    /// <summary>Longest accepted client-supplied id (event, user, session, ranking).</summary>
    public const int MaxIdLength = 128;

    /// <summary>Highest feed position accepted.</summary>
    public const int MaxPosition = 10_000;

    public static void PostId(string? postId, string field = "post_id")
    {
        if (PostIdRules.Validate(postId) is { } problem)
        {
            throw Invalid(field, problem);
        }
    }

    public static void OptionalId(string? value, string field)
    {
        if (value is { Length: > MaxIdLength })
        {
            throw Invalid(field, $"must be at most {MaxIdLength} characters, got {value.Length}");
        }

        if (value is not null && value.Any(char.IsControl))
        {
            throw Invalid(field, "must not contain control characters");
        }
    }

    public static void Range(long value, long min, long max, string field)
    {
        if (value < min || value > max)
        {
            throw Invalid(field, $"must be between {min} and {max}, got {value}");
        }
    }

    public static RpcException Invalid(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field} {problem}"));
}
