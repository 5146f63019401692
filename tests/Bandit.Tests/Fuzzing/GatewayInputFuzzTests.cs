using Bandit.Gateway.Authorization;
using Bandit.Gateway.Services;
using CsCheck;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bandit.Tests.Fuzzing;

/// <summary>
/// The gateway's own decoders of caller input: request field guards refuse only with InvalidArgument, and an
/// API key header of any content matches no key but the configured one.
/// </summary>
public sealed class GatewayInputFuzzTests
{
    private static readonly Gen<string> Anything = Gen.Frequency(
        (2, Gen.String[0, 200]),
        (2, Gen.Char["abcXYZ019-_.:/@ \u0000\u007f\u00e9"].Array[0, 140].Select(c => new string(c))));

    [Fact]
    public void RequestValidation_AnyId_PassesOrIsInvalidArgumentNamingTheField()
    {
        Anything.Sample(text =>
        {
            foreach (var guard in new Action[]
            {
                () => RequestValidation.PostId(text),
                () => RequestValidation.OptionalId(text, "user_id"),
            })
            {
                try
                {
                    guard();
                }
                catch (RpcException ex)
                {
                    Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
                    Assert.Matches("^(post_id|user_id) ", ex.Status.Detail);
                }
            }
        }, iter: 20_000);
    }

    [Fact]
    public void ApiKeyStore_AnyPresentedKey_MatchesOnlyTheConfiguredOne()
    {
        const string Configured = "the-one-real-key";
        var options = new AuthOptions { Mode = AuthMode.Required };
        var key = new ApiKeyOptions
        {
            Name = "ops",
            Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("the-one-real-key"u8)),
        };
        key.Permissions.Add(Permissions.Admin);
        options.ApiKeys.Add(key);
        var store = new ApiKeyStore(Options.Create(options));

        Anything.Sample(presented =>
        {
            var found = store.Find(presented);

            Assert.Equal(presented == Configured, found is not null);
        }, iter: 20_000);
        Assert.Equal(("ops", "admin"), store.Find(Configured));
    }
}
