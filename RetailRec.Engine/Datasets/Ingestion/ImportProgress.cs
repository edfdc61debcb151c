namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Progress of a read or import: <paramref name="Fraction"/> in 0..1 and a short step text for the UI.</summary>
public readonly record struct ImportProgress(double Fraction, string Step);
