namespace RetailRec.Engine.Recommendations.MarketBasket;

/// <summary>
/// An association rule Item -> Partner mined from invoices. Support = share of baskets holding both;
/// Confidence = P(partner in basket | item in basket); Lift = confidence / P(partner) (> 1: bought together more
/// than chance). <see cref="Customers"/> = distinct customers who bought both in one basket (for explanations).
/// </summary>
public sealed record ItemPair(int Item, int Partner, int Baskets, int Customers, double Support, double Confidence, double Lift);
