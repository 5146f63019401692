namespace Bandit.Gateway.Authorization;

/// <summary>Whether the gateway asks callers who they are.</summary>
public enum AuthMode
{
    /// <summary>
    /// Anyone who reaches the port may call anything, dashboard included. For a developer's machine only; the
    /// gateway says so loudly at start.
    /// </summary>
    None,

    /// <summary>Every call but health needs a JWT bearer token or an API key that grants its permission.</summary>
    Required,
}
