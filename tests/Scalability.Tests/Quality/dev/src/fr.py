# French dev tickets: 5 per category, mixed sectors and lengths.
TICKETS = [
    T("refund", "Remboursement commande 45-88120", "Bonjour,",
      "J'ai renvoyé le colis le 04/03/2024 avec l'étiquette fournie et il a été réceptionné le 07/03. "
      "[[Je n'ai toujours pas été remboursée des 64,90 € que j'avais payés.]] Pouvez-vous vérifier ?",
      ("Cordialement,",), "Camille Dupont"),
    T("account_access", "", "",
      "[[impossible de me connecter a mon compte]] ca me dit mot de passe incorrect alors que je l'ai changé hier"),
    T("billing", "Facture erronée", "Madame, Monsieur,",
      "Je constate sur ma facture de mars un montant de 58,99 € au lieu des 29,99 € prévus par mon forfait. "
      "[[Je vous demande de corriger cette facture et de m'indiquer d'où vient cette différence.]] "
      "Mon numéro client est le 0034 556 781.",
      ("Veuillez agréer, Madame, Monsieur, mes salutations distinguées.",), "Jean-Pierre Martin"),
    T("cancellation", "Résiliation de mon abonnement", "Bonjour,",
      "[[Je souhaite résilier mon abonnement à la salle de sport à compter du 1er juillet.]] Je déménage à Lyon. "
      "Merci de me confirmer la date de fin du contrat.",
      ("Bien à vous,",), "Sophie Leroy"),
    T("delivery_shipping", "Colis non reçu", "Bonjour,",
      "[[Ma commande n° 778-2231 devait être livrée mardi mais je n'ai rien reçu.]] Le suivi indique « livré » "
      "alors que personne n'a sonné et il n'y a rien dans ma boîte aux lettres.",
      ("Merci d'avance,",), "Karim B."),
    T("technical_issue", "", "",
      "[[l'appli plante dès que je veux payer]] depuis la mise à jour, sur android"),
    T("product_question", "Question sur l'aspirateur", "Bonjour,",
      "[[L'aspirateur robot R7 fonctionne-t-il aussi sur les tapis épais ?]] Et est-ce qu'on peut le programmer "
      "depuis le téléphone ?",
      ("Merci !",), "Élodie"),
    T("feedback", "Merci à votre équipe", "Bonjour,",
      "[[Je tenais à remercier l'équipe du magasin de Nantes pour son accueil et ses conseils, vraiment au top.]] "
      "C'est rare de nos jours.",
      ("Belle journée,",), "Mme Garnier"),
    T("other", "Désinscription newsletter", "",
      "[[Merci de me désinscrire de votre newsletter, je reçois trois mails par jour.]]"),
    T("technical_issue", "Box internet en panne", "Bonjour,",
      "Depuis samedi ma box ne fonctionne plus correctement. Le voyant reste rouge et la connexion internet coupe "
      "toutes les dix minutes. J'ai appelé le service client lundi à 18h, on m'a demandé de redémarrer la box, ce "
      "que j'ai fait. Mardi matin, un conseiller m'a fait faire une réinitialisation complète. Rien n'y fait. "
      "[[Je n'ai quasiment plus d'accès à internet depuis cinq jours alors que je travaille de chez moi.]] "
      "Mon numéro de ligne est le 01 45 67 89 10, contrat FB-3321-77. Je demande l'intervention d'un technicien au "
      "plus vite, et j'aimerais savoir si un geste commercial est prévu pour la période sans service.",
      ("Dans l'attente de votre retour,", "Cordialement,"), "Nathalie Rousseau", damage="escapes"),
    T("billing", "", "",
      "[[vous m'avez prélevé deux fois 15,99 € ce mois ci]] merci de regarder"),
    T("account_access", "Changer d'adresse e-mail", "Bonjour,",
      "[[Je voudrais modifier l'adresse e-mail associée à mon compte]] car je n'ai plus accès à l'ancienne. "
      "Comment faire ?",
      ("Merci,",), "Thomas Girard"),
    T("refund", "Vol annulé AF1523", "Madame, Monsieur,",
      "Mon vol AF1523 Paris–Nice du 12/05/2024 a été annulé la veille du départ. J'ai choisi le remboursement et "
      "non un avoir (dossier n° RB-99812). [[Un mois plus tard, je n'ai toujours pas reçu le remboursement des "
      "238,50 € sur ma carte bancaire.]]",
      ("Salutations,",), "Paul Lambert",
      "Le 13 mai 2024 à 09:41, Service Clients <clients@airvoyage.fr> a écrit :\n> Votre demande de remboursement a bien été enregistrée."),
    T("delivery_shipping", "Changement d'adresse de livraison", "Bonjour,",
      "[[Est-il possible de faire livrer ma commande 20019-4 à mon travail plutôt qu'à mon domicile ?]] "
      "Adresse : 12 rue de la République, 69002 Lyon.",
      ("Bonne journée,",), "Inès"),
    T("cancellation", "", "",
      "[[je veux annuler ma commande d'hier]], je me suis trompée de couleur"),
    T("product_question", "Tailles", "Bonjour,",
      "[[Est-ce que vos jeans taillent grand ou petit ?]] Je fais habituellement du 38.",
      ("Merci d'avance",)),
    T("feedback", "Très déçu du service client", "Bonjour,",
      "Client depuis huit ans, je suis très déçu. On m'a promis un rappel à trois reprises, personne ne m'a "
      "jamais rappelé, et le conseiller en boutique m'a parlé de manière désagréable. "
      "[[Je tiens à exprimer mon mécontentement face à la façon dont les clients sont traités.]]",
      ("Cordialement,",), "Alain Fournier"),
    T("other", "Demande de partenariat", "Bonjour,",
      "Nous sommes une association sportive de Bordeaux. [[Seriez-vous intéressés par un partenariat ou un "
      "sponsoring pour notre tournoi de juin ?]] Nous pouvons vous envoyer notre dossier.",
      ("Sportivement,",), "Lucas Bernard\nPrésident, AS Bastide\n06 12 34 56 78"),
    T("billing", "Changement de moyen de paiement", "Bonjour,",
      "[[Je souhaite passer du paiement par carte au prélèvement automatique.]] Voici mon IBAN : "
      "FR76 3000 6000 0112 3456 7890 189.",
      ("Merci beaucoup,",), "Claire Morel"),
    T("technical_issue", "Lave-linge en panne", "Bonjour,",
      "[[Mon lave-linge acheté en janvier affiche le code erreur E21 et ne vidange plus l'eau.]] Que dois-je faire ?",
      ("Cordialement",), "M. Petit\nEnvoyé de mon iPhone", damage="br"),
    T("account_access", "Compte bloqué", "Bonjour,",
      "[[Mon compte a été bloqué après plusieurs tentatives]] et je ne reçois pas le code de vérification par SMS. "
      "Pouvez-vous le débloquer ?",
      ("Merci",), "Julie"),
    T("delivery_shipping", "Colis endommagé", "Bonjour,",
      "J'ai reçu ce matin ma commande 3345-91. Le carton était ouvert sur le côté. "
      "[[La lampe à l'intérieur est arrivée cassée.]] J'ai pris des photos.",
      ("Cordialement,",), "Hugo Mercier", damage="entities"),
    T("refund", "", "Bonjour,",
      "[[Je voudrais me faire rembourser la différence]] car le prix du téléviseur a baissé de 100 € deux jours "
      "après mon achat. Vous garantissez le meilleur prix.",
      ("Merci",), "Antoine"),
    T("cancellation", "Résiliation contrat d'assurance", "Madame, Monsieur,",
      "Par la présente, je vous informe de ma volonté de mettre fin à mon contrat d'assurance habitation "
      "n° HAB-558812 à sa date d'échéance, le 15/09/2024, conformément à la loi Hamon. "
      "[[Je vous prie de bien vouloir procéder à la résiliation de ce contrat.]] "
      "Je reste joignable pour tout document complémentaire.",
      ("Je vous prie d'agréer mes salutations distinguées.",), "Marie-Claude Robin\n14 avenue Victor Hugo\n75016 Paris"),
    T("product_question", "", "",
      "[[vous avez encore le modèle 256 Go en stock ?]]"),
    T("feedback", "Suggestion pour le site", "Bonjour,",
      "[[Petite suggestion : ce serait pratique de pouvoir filtrer les produits par délai de livraison.]] Sinon "
      "j'adore votre site.",
      ("Bonne continuation !",), "Léa"),
    T("other", "", "",
      "[[quels sont vos horaires d'ouverture le dimanche ?]]"),
    T("billing", "Frais inconnus", "Bonjour,",
      "Sur mon relevé bancaire de février, je vois un débit de 9,90 € intitulé « frais de service » que je ne "
      "comprends pas. Je n'ai souscrit à aucune option. J'ai appelé le 05/02 à 10h15, puis le 07/02 à 17h30, on m'a "
      "dit que ça venait d'un autre service. J'ai écrit via le formulaire le 09/02, sans réponse. "
      "[[Pouvez-vous m'expliquer à quoi correspondent ces frais facturés et les annuler s'ils sont une erreur ?]] "
      "Référence client : C-7712-09. J'ai toujours payé mes factures à temps et je trouve ces pratiques peu claires.",
      ("Cordialement,",), "Bernard Faure"),
    T("technical_issue", "", "Bonjour,",
      "[[Le Bluetooth de mes écouteurs ne se connecte plus à mon téléphone]] depuis la dernière mise à jour.",
      ("Merci",), "Yanis"),
    T("delivery_shipping", "", "",
      "[[où en est ma commande ?]] toujours pas expédiée après 10 jours"),
    T("account_access", "Création de compte", "Bonjour,",
      "[[Je n'arrive pas à créer mon compte, le site me dit que mon adresse mail est déjà utilisée.]] Pourtant je "
      "ne me suis jamais inscrite.",
      ("Merci de votre aide,",), "Manon Lefèvre"),
    T("cancellation", "Annulation de réservation", "Bonjour,",
      "[[Je souhaite annuler ma réservation à l'hôtel pour le week-end du 8 juin]] (réservation n° 445521). "
      "Y a-t-il des frais d'annulation ?",
      ("Cordialement,",), "Olivier Chevalier"),
    T("refund", "Remboursement suite à retour", "Bonjour,",
      "J'ai retourné le manteau commandé le mois dernier car il ne m'allait pas. [[Je souhaite être remboursée sur "
      "ma carte et non en bon d'achat.]] Le retour a été reçu le 2 avril.",
      ("Merci d'avance,",), "Sarah"),
    T("product_question", "Garantie", "Bonjour,",
      "[[La garantie de deux ans couvre-t-elle aussi la batterie de l'ordinateur portable ?]]",
      ("Cordialement",), "", "", "br"),
    T("feedback", "", "",
      "[[livraison rapide et produit conforme, très satisfait]] merci"),
    T("other", "Candidature spontanée", "Madame, Monsieur,",
      "[[Je me permets de vous adresser ma candidature pour un poste de conseiller clientèle.]] Vous trouverez mon "
      "CV en pièce jointe.",
      ("Dans l'attente de votre réponse, veuillez agréer mes salutations.",), "Amandine Roux"),
    T("billing", "", "Bonjour,",
      "[[Le code promo BIENVENUE10 n'a pas été appliqué sur ma facture]], j'ai payé le prix plein.",
      ("Merci",), "Noé"),
    T("technical_issue", "Problème logiciel de comptabilité", "Bonjour,",
      "Nous utilisons votre logiciel de comptabilité dans notre cabinet depuis 2021. Depuis la mise à jour 8.3 "
      "installée jeudi, plusieurs postes ne parviennent plus à ouvrir les dossiers clients. "
      "[[Le logiciel affiche « Erreur 1042 : base de données inaccessible » puis se ferme.]] "
      "Nous avons redémarré le serveur et vérifié les droits d'accès. Le problème touche quatre utilisateurs sur "
      "six. Merci de nous rappeler rapidement au 04 91 22 33 44, nous sommes en pleine période de clôture.",
      ("Bien cordialement,",), "Stéphane Blanc\nCabinet Blanc & Associés",
      "-----Message d'origine-----\nDe : Support <support@comptapro.fr>\nEnvoyé : jeudi 14 mars 2024 16:02\n"
      "Objet : Mise à jour 8.3 disponible\n\nLa version 8.3 est disponible."),
    T("delivery_shipping", "Article manquant", "Bonjour,",
      "[[Il manque le chargeur dans le colis reçu hier]], alors qu'il figure sur le bon de livraison.",
      ("Merci",), "Chloé"),
    T("account_access", "", "",
      "[[j'ai oublié mon identifiant]], comment le récupérer ?"),
    T("cancellation", "Arrêt du renouvellement", "Bonjour,",
      "[[Merci de désactiver le renouvellement automatique de mon abonnement Premium]], je ne souhaite pas être "
      "prélevé l'année prochaine.",
      ("Cordialement,",), "Damien", damage="entities"),
    T("refund", "Double débit – remboursement", "Bonjour,",
      "Suite à un bug sur votre site, ma commande a été débitée deux fois (2 x 45,00 €). Une seule commande est "
      "arrivée. [[Merci de me rembourser le second paiement.]]",
      ("Cordialement,",), "Valérie"),
    T("product_question", "Compatibilité", "Bonjour,",
      "[[Est-ce que cette coque est compatible avec l'iPhone 15 Pro ou seulement le 15 ?]]",
      ("Merci",)),
    T("feedback", "Réclamation sur le livreur", "Bonjour,",
      "[[Je souhaite faire une réclamation sur le comportement du livreur, qui a été impoli et a jeté le colis "
      "par-dessus le portail.]]",
      ("Cordialement,",), "Gérard Masson"),
    T("other", "Parler à un conseiller", "",
      "[[Bonjour, comment je peux joindre un conseiller par téléphone ?]] Je ne trouve pas de numéro."),
]
