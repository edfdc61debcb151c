using Microsoft.EntityFrameworkCore;

namespace RetailRec.Engine.Storage;

public sealed class RetailRecDbContext(DbContextOptions<RetailRecDbContext> options) : DbContext(options)
{
    public DbSet<DatasetEntity> Datasets => Set<DatasetEntity>();
    public DbSet<TransactionEntity> Transactions => Set<TransactionEntity>();
    public DbSet<JobEntity> Jobs => Set<JobEntity>();
    public DbSet<AnalysisRunEntity> AnalysisRuns => Set<AnalysisRunEntity>();
    public DbSet<AnalysisArtifactEntity> AnalysisArtifacts => Set<AnalysisArtifactEntity>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<DatasetEntity>(e =>
        {
            e.ToTable("datasets");
            e.HasIndex(d => d.ContentHash);
        });
        b.Entity<TransactionEntity>(e =>
        {
            e.ToTable("transactions");
            e.HasIndex(t => t.DatasetId);
            e.HasOne<DatasetEntity>().WithMany().HasForeignKey(t => t.DatasetId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AnalysisRunEntity>(e =>
        {
            e.ToTable("analysis_runs");
            e.HasIndex(r => new { r.DatasetId, r.Kind });
            e.HasOne<DatasetEntity>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AnalysisArtifactEntity>(e =>
        {
            e.ToTable("analysis_artifacts");
            e.HasIndex(a => new { a.RunId, a.Name }).IsUnique();
            e.HasOne<AnalysisRunEntity>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<JobEntity>(e =>
        {
            e.ToTable("jobs");
            e.Property(j => j.State).HasConversion<string>();
            e.HasIndex(j => j.State);
        });
    }
}
