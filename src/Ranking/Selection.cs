namespace Bandit.Ranking;

/// <summary>Partial ordering: the best items first, in linear expected time.</summary>
internal static class Selection
{
    /// <summary>
    /// Reorders the first <paramref name="length"/> of <paramref name="items"/> so that the first
    /// <paramref name="count"/> are the smallest.
    /// </summary>
    public static void Best<T>(T[] items, int length, int count)
        where T : IComparable<T>
    {
        ArgumentNullException.ThrowIfNull(items);

        var (low, high) = (0, length - 1);
        var random = new Random(length);
        while (low < high)
        {
            // Hoare partition around a random pivot; then continue only in the part holding position count-1.
            var pivot = items[random.Next(low, high + 1)];
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (items[i].CompareTo(pivot) < 0)
                {
                    i++;
                }

                while (items[j].CompareTo(pivot) > 0)
                {
                    j--;
                }

                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (count - 1 <= j)
            {
                high = j;
            }
            else if (count - 1 >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }
    }
}
