using Microsoft.Extensions.Logging;

namespace Bandit.Grains.Directory;

/// <inheritdoc cref="IPostDirectoryGrain"/>
[GrainType("post-directory")]
internal sealed class PostDirectoryGrain(
    [PersistentState("directory", BanditStorage.Name)] IPersistentState<PostDirectoryState> state,
    BanditMetrics metrics,
    ILogger<PostDirectoryGrain> logger)
    : Grain, IPostDirectoryGrain
{
    /// <inheritdoc/>
    public async Task AddAsync(string postId)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);

        if (!state.State.PostIds.Add(postId))
        {
            return;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            metrics.StorageWriteFailures.Add(1, new KeyValuePair<string, object?>("state", "directory"));
            IngestLog.StateWriteFailed(logger, "directory", postId, ex);

            // A retry must write again, so the id may not stay listed in memory only.
            state.State.PostIds.Remove(postId);
            DeactivateOnIdle();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<string[]> GetPostIdsAsync() => Task.FromResult(state.State.PostIds.ToArray());

    /// <inheritdoc/>
    public Task<bool> ContainsAsync(string postId) => Task.FromResult(state.State.PostIds.Contains(postId));
}
