namespace RetailRec.Engine.Neural.Models;

/// <summary>A live training report (sent a few times per epoch and after each validation).</summary>
public sealed record NeuralTrainingProgress(
    string Model,
    int Epoch,
    int MaxEpochs,
    int Batch,
    int BatchesPerEpoch,
    double Loss,
    double? ValidationNdcg10,
    double SequencesPerSecond,
    TimeSpan EtaToMaxEpochs);

/// <summary>One finished epoch, for the training-history chart.</summary>
/// <remarks><see cref="CpuSeconds"/> is process CPU time over the epoch: on a shared machine it says more about the
/// work done than wall-clock seconds.</remarks>
public sealed record EpochRecord(int Epoch, double MeanLoss, double ValidationNdcg10, double Seconds, double SequencesPerSecond, double CpuSeconds);

/// <summary>How a training run ended.</summary>
public sealed record TrainingSummary(int BestEpoch, double BestValidationNdcg10, double BlendWeight, double BlendedValidationNdcg10,
    bool StoppedEarly, bool Cancelled, double TotalSeconds);
