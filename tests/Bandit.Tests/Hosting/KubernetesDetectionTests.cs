using Bandit.Silo;

namespace Bandit.Tests.Hosting;

/// <summary>Kubernetes hosting switches on in a pod our manifests describe, and never by accident.</summary>
public sealed class KubernetesDetectionTests
{
    private static readonly Dictionary<string, string> Pod = new()
    {
        ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
        ["POD_NAME"] = "bandit-silo-7d9f-abcde",
        ["POD_NAMESPACE"] = "bandit",
    };

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    public void IsEnabled_ConfiguredOrNot_ConfigurationWinsOverThePod(
        bool? configured,
        bool inPod,
        bool expected)
    {
        var environment = inPod ? Pod : [];

        var enabled = KubernetesDetection.IsEnabled(configured, name => environment.GetValueOrDefault(name));

        Assert.Equal(expected, enabled);
    }

    [Theory]
    [InlineData("KUBERNETES_SERVICE_HOST")]
    [InlineData("POD_NAME")]
    [InlineData("POD_NAMESPACE")]
    public void IsEnabled_PodWithoutOneVariable_StaysOff(string missing)
    {
        var environment = Pod.Where(e => e.Key != missing).ToDictionary();

        var enabled = KubernetesDetection.IsEnabled(null, name => environment.GetValueOrDefault(name));

        Assert.False(enabled);
    }
}
