namespace Bandit.Grains;

/// <summary>Names of the grain storage and of the states kept in it.</summary>
public static class BanditStorage
{
    /// <summary>The grain storage provider every Bandit grain persists to.</summary>
    public const string Name = "bandit";
}
