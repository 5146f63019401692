namespace Bandit.Grains;

/// <summary>What a post id may be. Checked at every door: the gateway, the stream decoder, the importers.</summary>
public static class PostIdRules
{
    /// <summary>Longest accepted post id, in characters.</summary>
    public const int MaxLength = 128;

    /// <summary>Punctuation allowed besides ASCII letters and digits.</summary>
    public const string AllowedPunctuation = "-_.:/@";

    /// <summary>Why <paramref name="postId"/> is not a valid post id, or <c>null</c> when it is.</summary>
    public static string? Validate(string? postId)
    {
        if (string.IsNullOrEmpty(postId))
        {
            return "must not be empty";
        }

        if (postId.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters, got {postId.Length}";
        }

        foreach (var c in postId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !AllowedPunctuation.Contains(c))
            {
                return $"may hold only ASCII letters, digits and '{AllowedPunctuation}', found U+{(int)c:X4}";
            }
        }

        return null;
    }
}
