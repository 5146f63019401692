namespace Bandit.Silo;

/// <summary>Decides whether a silo runs with Kubernetes hosting.</summary>
internal static class KubernetesDetection
{
    /// <summary>Set by the kubelet in every container.</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>Set from the downward API by our manifests, as Orleans' Kubernetes hosting expects.</summary>
    public const string PodNameVariable = "POD_NAME";

    /// <summary>Set from the downward API by our manifests.</summary>
    public const string PodNamespaceVariable = "POD_NAMESPACE";

    /// <summary>
    /// <c>Bandit:Cluster:Kubernetes</c> when set; otherwise true only inside a pod whose manifest passes the
    /// pod's name and namespace. The kubelet alone is not enough: a CI job or a developer's shell may run in
    /// a pod, and a silo started there must still behave as on a laptop.
    /// </summary>
    public static bool IsEnabled(bool? configured, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        return configured ?? new[] { ServiceHostVariable, PodNameVariable, PodNamespaceVariable }
            .All(name => !string.IsNullOrWhiteSpace(environment(name)));
    }
}
