namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>The four values of customertypecode on contact and account (contract: Relationship type).</summary>
    public static class RelationshipTypeCodes
    {
        public const int Suspect = 754100000;
        public const int Prospect = 754100001;
        public const int PotentialCustomer = 754100002;
        public const int Customer = 754100003;

        /// <summary>Precedence rank: Customer > Potential Customer > Prospect > Suspect.</summary>
        public static int Rank(int type)
        {
            switch (type)
            {
                case Customer: return 3;
                case PotentialCustomer: return 2;
                case Prospect: return 1;
                default: return 0;
            }
        }

        public static bool IsRelationshipType(int value)
        {
            return value == Suspect || value == Prospect || value == PotentialCustomer || value == Customer;
        }

        public static string Label(int type)
        {
            switch (type)
            {
                case Customer: return "Customer";
                case PotentialCustomer: return "Potential Customer";
                case Prospect: return "Prospect";
                case Suspect: return "Suspect";
                default: return type.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
