namespace Bandit.Grains.Arms.Storage;

/// <summary>A shard's stored version moved on since it was loaded: another activation wrote it.</summary>
public sealed class ArmStoreConflictException : Exception
{
    public ArmStoreConflictException()
        : base("The arm shard was written by someone else since it was loaded.")
    {
    }

    public ArmStoreConflictException(string message)
        : base(message)
    {
    }

    public ArmStoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
