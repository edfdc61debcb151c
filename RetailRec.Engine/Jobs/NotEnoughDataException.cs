namespace RetailRec.Engine.Jobs;

/// <summary>
/// A job cannot produce its result because the dataset is too small or too odd for it. The message is for the user
/// ("Not enough data for ...: ...") and is shown as the job's error as it is.
/// </summary>
public sealed class NotEnoughDataException(string what, string why) : InvalidOperationException($"Not enough data for {what}: {why}.");
