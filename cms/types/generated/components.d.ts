import type { Schema, Struct } from '@strapi/strapi';

export interface DirectoryAttestations extends Struct.ComponentSchema {
  collectionName: 'components_directory_attestationss';
  info: {
    description: '';
    displayName: 'Minimum criteria attested';
    icon: 'check';
  };
  attributes: {
    attestedAt: Schema.Attribute.Date;
    clientSafety: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    dataProtection: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    goodStanding: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    nonDiscriminatory: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    regionalBestPractice: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    survivorCentred: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    traumaInformed: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface DirectoryContactAttempt extends Struct.ComponentSchema {
  collectionName: 'components_directory_contact_attempts';
  info: {
    description: '';
    displayName: 'Contact attempt (internal)';
    icon: 'phone';
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    method: Schema.Attribute.Enumeration<['phone', 'email', 'text', 'in_person', 'other']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'phone'>;
    notes: Schema.Attribute.Text;
    outcome: Schema.Attribute.Enumeration<['reached', 'no_answer', 'left_message', 'bounced', 'wrong_number']> & Schema.Attribute.Required;
    summary: Schema.Attribute.String;
  };
}

export interface DirectoryDirectServices extends Struct.ComponentSchema {
  collectionName: 'components_directory_direct_servicess';
  info: {
    description: 'Timeframes and needs a direct provider can be referred for.';
    displayName: 'Direct services';
    icon: 'heart';
  };
  attributes: {
    emergency: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    legal: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    longTerm: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    social: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    transitional: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface DirectoryIndirectOfferings extends Struct.ComponentSchema {
  collectionName: 'components_directory_indirect_offeringss';
  info: {
    description: '';
    displayName: 'Indirect offerings';
    icon: 'book';
  };
  attributes: {
    information: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    technicalAssistance: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    training: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    volunteering: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface DirectoryLocation extends Struct.ComponentSchema {
  collectionName: 'components_directory_locations';
  info: {
    description: 'A service location. A confidential (shelter) address shows only city and province publicly.';
    displayName: 'Location';
    icon: 'pinMap';
  };
  attributes: {
    city: Schema.Attribute.String & Schema.Attribute.Required;
    confidential: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    name: Schema.Attribute.String;
    postalCode: Schema.Attribute.String;
    province: Schema.Attribute.Enumeration<['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']> &
      Schema.Attribute.Required;
    street: Schema.Attribute.String;
  };
}

export interface DirectoryOpeningHours extends Struct.ComponentSchema {
  collectionName: 'components_directory_opening_hourss';
  info: {
    description: '';
    displayName: 'Opening hours';
    icon: 'clock';
  };
  attributes: {
    closes: Schema.Attribute.String & Schema.Attribute.Required;
    day: Schema.Attribute.Enumeration<['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']> & Schema.Attribute.Required;
    opens: Schema.Attribute.String & Schema.Attribute.Required;
    summary: Schema.Attribute.String;
  };
}

export interface DirectoryPerson extends Struct.ComponentSchema {
  collectionName: 'components_directory_persons';
  info: {
    description: '';
    displayName: 'Person (internal)';
    icon: 'user';
  };
  attributes: {
    email: Schema.Attribute.Email;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    phone: Schema.Attribute.String;
    title: Schema.Attribute.String;
  };
}

export interface DirectoryPhone extends Struct.ComponentSchema {
  collectionName: 'components_directory_phones';
  info: {
    description: '';
    displayName: 'Phone';
    icon: 'phone';
  };
  attributes: {
    extension: Schema.Attribute.String;
    labelEn: Schema.Attribute.String;
    labelFr: Schema.Attribute.String;
    number: Schema.Attribute.String & Schema.Attribute.Required;
    type: Schema.Attribute.Enumeration<['voice', 'toll_free', 'text', 'tty', 'crisis']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'voice'>;
  };
}

export interface DirectoryPoliceContact extends Struct.ComponentSchema {
  collectionName: 'components_directory_police_contacts';
  info: {
    description: '';
    displayName: 'Police contact (internal)';
    icon: 'shield';
  };
  attributes: {
    active: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    email: Schema.Attribute.Email;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    phone: Schema.Attribute.String;
    rank: Schema.Attribute.String;
    role: Schema.Attribute.String;
    summary: Schema.Attribute.String;
    unit: Schema.Attribute.String;
  };
}

export interface DirectoryReferralProtocol extends Struct.ComponentSchema {
  collectionName: 'components_directory_referral_protocols';
  info: {
    description: '';
    displayName: 'Referral protocol (internal)';
    icon: 'arrowRight';
  };
  attributes: {
    afterHours: Schema.Attribute.Text;
    afterHoursFr: Schema.Attribute.Text;
    byChat: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    byEmail: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    byPhone: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    conferenceCall: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    eligibilityNotes: Schema.Attribute.Text;
    eligibilityNotesFr: Schema.Attribute.Text;
    intakeHours: Schema.Attribute.Text;
    intakeHoursFr: Schema.Attribute.Text;
    warmTransfer: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface DirectoryServiceArea extends Struct.ComponentSchema {
  collectionName: 'components_directory_service_areas';
  info: {
    description: 'A province or territory served; regions are cities or regions within it, one per line (empty = whole province), in English and in French.';
    displayName: 'Service area';
    icon: 'earth';
  };
  attributes: {
    province: Schema.Attribute.Enumeration<['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']> &
      Schema.Attribute.Required;
    regions: Schema.Attribute.Text;
    regionsFr: Schema.Attribute.Text;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'directory.attestations': DirectoryAttestations;
      'directory.contact-attempt': DirectoryContactAttempt;
      'directory.direct-services': DirectoryDirectServices;
      'directory.indirect-offerings': DirectoryIndirectOfferings;
      'directory.location': DirectoryLocation;
      'directory.opening-hours': DirectoryOpeningHours;
      'directory.person': DirectoryPerson;
      'directory.phone': DirectoryPhone;
      'directory.police-contact': DirectoryPoliceContact;
      'directory.referral-protocol': DirectoryReferralProtocol;
      'directory.service-area': DirectoryServiceArea;
    }
  }
}
