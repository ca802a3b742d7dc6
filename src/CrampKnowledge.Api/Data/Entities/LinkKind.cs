namespace CrampKnowledge.Api.Data.Entities;

public enum LinkKind
{
    CauseTreatment = 1,
    CausePrevention = 2,
    CauseRedFlag = 3,
    TreatmentCaution = 4,
}
