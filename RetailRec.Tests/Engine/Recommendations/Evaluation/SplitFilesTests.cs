using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Tests.Engine.Recommendations;

namespace RetailRec.Tests.Engine.Recommendations.Evaluation;

public class SplitFilesTests
{
    [Fact]
    public void Writes_history_baskets_and_targets_in_the_documented_format()
    {
        // A: {X Y} day 0, {Z} day 1, {X W} day 2. B: {Y} day 0, {X} day 1. C: {Z} day 0 (one basket: never a case).
        var log = TinyLogs.Build(("A", 0, "X Y"), ("B", 0, "Y"), ("C", 0, "Z"), ("A", 1, "Z"), ("B", 1, "X"), ("A", 2, "X W"));
        var dir = Path.Combine(Path.GetTempPath(), "retailrec-splitfiles-" + Guid.NewGuid().ToString("N"));
        try
        {
            SplitFiles.Write(dir, LeaveLastBasketSplit.Validation(log), LeaveLastBasketSplit.Test(log));
            // Test: A's target {X W} after history {X Y}|{Z}; B's target {X} after {Y}. W is unseen in training: dropped.
            Assert.Equal(["customer_id,history,targets", "A,X Y|Z,X", "B,Y,X"], File.ReadAllLines(Path.Combine(dir, "test_next.csv")));
            // Validation: A's target is {Z} with history {X Y}; B has one basket left in the test training view.
            Assert.Equal(["customer_id,history,targets", "A,X Y,Z"], File.ReadAllLines(Path.Combine(dir, "val_next.csv")));
            // Pseudo-targets inside the validation training view: nobody has two baskets there.
            Assert.Equal(["customer_id,history,targets"], File.ReadAllLines(Path.Combine(dir, "train_next.csv")));
        }
        finally { Directory.Delete(dir, true); }
    }
}
