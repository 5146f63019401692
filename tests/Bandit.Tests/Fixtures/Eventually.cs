namespace Bandit.Tests.Fixtures;

/// <summary>Waits for a condition with a deadline instead of sleeping for a fixed time.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{what} did not happen within {timeout.TotalSeconds:0}s; last value: {last}");
            }

            await Task.Delay(50);
        }
    }
}
